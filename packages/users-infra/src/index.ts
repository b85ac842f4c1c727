// The users context's infra layer; its exports arrive with the users issue.
