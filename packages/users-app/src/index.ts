// The users context's app layer; its exports arrive with the users issue.
