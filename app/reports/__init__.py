"""Reports (issue 18 item 6): time to hire and in each stage, pipeline conversion, sources,
rejection reasons, EMREX and assessment completion, open jobs. Each report is a fixed number
of SQL statements whatever the number of applications (``queries``), filtered by a date range,
a job and a department (``filters``) and narrowed to what the user may see (a hiring manager:
their teams' jobs). ``registry`` lists them for the screens; the admin draws each as an SVG
chart, a table and a CSV."""
