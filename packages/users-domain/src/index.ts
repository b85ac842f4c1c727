// The users context's domain layer; its exports arrive with the users issue.
