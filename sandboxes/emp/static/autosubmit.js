// Hand-off to the EMREX client: submit the reply form as soon as the page is ready.
// The form's visible Continue button does the same without JavaScript.
document.forms[0].submit();
