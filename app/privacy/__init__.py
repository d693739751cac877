"""Candidate data rights: export by email link (GDPR Art. 15/20), erasure and anonymisation
by company admins (Art. 17), and the retention sweep."""
