"""Screening questions: a job's (or template's) questions on the apply form, the answers
kept with the application, and knock-out questions that reject a wrong answer."""
