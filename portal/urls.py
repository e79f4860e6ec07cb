"""Root URLs: admin and APIs outside the language prefix, pages inside it."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal.accounts.views import admin_login_redirect

urlpatterns = [
    # Both admin logins go through allauth (rate limits, MFA, audit).
    path("admin/login/", admin_login_redirect),
    path(
        "django-admin/login/",
        admin_login_redirect,
        {"default_next": "/django-admin/"},
    ),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/search/", include("search.api_urls")),
]

if settings.SERVE_MEDIA:
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("company/", include("portal.companies.urls")),
    path(
        "_util/login/",
        admin_login_redirect,
        {"default_next": "/"},
        name="portal_frontend_login",
    ),
    path("search/", include("search.urls")),
    path("requests/", include("portal.support.urls")),
    path("appointments/", include("portal.appointments.urls")),
    path("pdf/", include("portal.documents.urls")),
    path("trials/", include("portal.trials.urls")),
    # Wagtail serves every page; it must come last.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
