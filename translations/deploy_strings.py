"""Finnish, Swedish and Vietnamese for the strings of the deploy work (issue 11 §2.2): the
sign-in page, and its message when the sign-in budgets hold a visitor (app/admin/views/auth.py)."""

T = {
"Log in to Haku": ("Kirjaudu Hakuun", "Logga in i Haku", "Đăng nhập vào Haku"),
"Password": ("Salasana", "Lösenord", "Mật khẩu"),
"Too many sign-in attempts. Please wait a while and try again.": (
    "Liian monta kirjautumisyritystä. Odota hetki ja yritä sitten uudelleen.",
    "För många inloggningsförsök. Vänta en stund och försök sedan igen.",
    "Bạn đã thử đăng nhập quá nhiều lần. Vui lòng đợi một lúc rồi thử lại."),
}
