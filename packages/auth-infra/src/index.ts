// The auth context's infra layer; its exports arrive with the auth issue.
