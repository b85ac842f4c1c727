// The auth context's app layer; its exports arrive with the auth issue.
