// The auth context's domain layer; its exports arrive with the auth issue.
