"""Interviews: booking a time (by a recruiter or by the candidate through a self-scheduling
link), the team's weekly availability, calendar invitations (iCalendar) and reminders."""
