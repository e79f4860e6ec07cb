from django.urls import path

from portal.trials import views

app_name = "trials"

urlpatterns = [
    path("", views.trial_list, name="list"),
    path("start/<str:product_code>/", views.trial_start, name="start"),
    path("<int:trial_id>/credentials/", views.trial_reissue, name="reissue"),
    path("<int:trial_id>/cancel/", views.trial_cancel, name="cancel"),
    path("<int:trial_id>/extend/", views.trial_extend, name="extend"),
    path("<int:trial_id>/convert/", views.trial_convert, name="convert"),
    path(
        "<int:trial_id>/agreement.pdf", views.trial_agreement_pdf, name="agreement_pdf"
    ),
    path("quotes/<int:quote_id>/", views.quote_detail, name="quote"),
    path("quotes/<int:quote_id>/accept/", views.quote_accept, name="quote_accept"),
    path(
        "quotes/<int:quote_id>/discount/", views.quote_discount, name="quote_discount"
    ),
    path("quotes/<int:quote_id>/quote.pdf", views.quote_pdf, name="quote_pdf"),
    path("activate/<str:token>/", views.activate, name="activate"),
    path("manage/", views.manager_dashboard, name="manager"),
    path("manage/<int:trial_id>/decide/", views.manager_decide, name="decide"),
]
