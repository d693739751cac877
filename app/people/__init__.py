"""One candidate across jobs (issue 16, item 5): the person's page (every application in the
company, their tags, files, emails and notes) and the search for people."""
