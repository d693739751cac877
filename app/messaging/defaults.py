"""The global default email templates Haku ships with (staff can edit them)."""

DEFAULT_TEMPLATES = [
    {
        "key": "application_received",
        "name": "Application received",
        "translations": {
            "en": ("We received your application: {{ job_title }}",
                   "Hello {{ candidate_given_name }},\n\nThank you for applying for {{ job_title }} at "
                   "{{ company_name }}. We will be in touch.\n\nThe job: {{ job_url }}\n\n{{ company_name }}\n"),
            "fi": ("Hakemuksesi on vastaanotettu: {{ job_title }}",
                   "Hei {{ candidate_given_name }},\n\nKiitos hakemuksestasi tehtävään {{ job_title }} "
                   "({{ company_name }}). Olemme yhteydessä.\n\nTehtävä: {{ job_url }}\n\n{{ company_name }}\n"),
            "sv": ("Vi har tagit emot din ansökan: {{ job_title }}",
                   "Hej {{ candidate_given_name }},\n\nTack för din ansökan till {{ job_title }} hos "
                   "{{ company_name }}. Vi hör av oss.\n\nTjänsten: {{ job_url }}\n\n{{ company_name }}\n"),
            "vi": ("Chúng tôi đã nhận được hồ sơ của bạn: {{ job_title }}",
                   "Xin chào {{ candidate_given_name }},\n\nCảm ơn bạn đã ứng tuyển vị trí {{ job_title }} tại "
                   "{{ company_name }}. Chúng tôi sẽ liên hệ với bạn.\n\nVị trí: {{ job_url }}\n\n{{ company_name }}\n"),
        },
    },
    {
        "key": "interview_invitation",
        "name": "Interview invitation",
        "translations": {
            "en": ("Interview: {{ job_title }} at {{ company_name }}",
                   "Hello {{ candidate_given_name }},\n\nWe would like to invite you to an interview for "
                   "{{ job_title }}. We will send you a time shortly.\n\n{{ company_name }}\n"),
        },
    },
    {
        "key": "rejection",
        "name": "Rejection",
        "translations": {
            "en": ("Your application for {{ job_title }}",
                   "Hello {{ candidate_given_name }},\n\nThank you for your interest in {{ job_title }}. "
                   "We have decided to move forward with other candidates.\n\n{{ company_name }}\n"),
        },
    },
    {
        "key": "notification",
        "name": "Notification to a team member",
        "translations": {
            "en": ("{{ job_title }}", "{{ link }}\n"),
        },
    },
]
