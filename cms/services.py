"""Write functions of the CMS: editor groups and the moderation workflow.

Run on every deployment by `manage.py setup_cms_groups` and by `seed_demo`; both
are idempotent.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)
from wagtail.snippets.models import get_snippet_models

EDITORS = "Editors"
MODERATORS = "Moderators"
MODERATION_WORKFLOW = "Moderators approval"

_PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
_MEDIA = [("wagtailimages", "image"), ("wagtaildocs", "document")]
# Snippets of these apps are content. Other apps register business settings as
# snippets (trial policies, SLA rules); those stay with operator admins.
CONTENT_SNIPPET_APPS = {"cms"}


def _model_permissions(app_label: str, model: str, actions) -> list[Permission]:
    return list(
        Permission.objects.filter(
            content_type__app_label=app_label,
            codename__in=[f"{action}_{model}" for action in actions],
        )
    )


@transaction.atomic
def editor_groups_configure() -> dict[str, Group]:
    """Give Editors and Moderators content permissions and nothing else.

    Both may edit pages, images, documents and content snippets; Moderators may
    also publish. Any other permission (users, groups, sites, settings, business
    rules kept as snippets) is removed.
    """
    groups = {}
    root_page = Page.get_first_root_node()
    root_collection = Collection.get_first_root_node()
    for name, page_codenames in _PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        permissions = list(
            Permission.objects.filter(
                content_type__app_label="wagtailadmin", codename="access_admin"
            )
        )
        for app_label, model in _MEDIA:
            permissions += _model_permissions(
                app_label, model, ["add", "change", "delete", "choose"]
            )
        for snippet in get_snippet_models():
            if snippet._meta.app_label not in CONTENT_SNIPPET_APPS:
                continue
            content_type = ContentType.objects.get_for_model(snippet)
            permissions += list(
                Permission.objects.filter(content_type=content_type).filter(
                    codename__regex=r"^(add|change|delete|view)_"
                )
            )
        group.permissions.set(permissions)

        wanted = set(
            Permission.objects.filter(
                content_type__app_label="wagtailcore", codename__in=page_codenames
            )
        )
        GroupPagePermission.objects.filter(group=group).exclude(
            page=root_page, permission__in=wanted
        ).delete()
        for permission in wanted:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )
        for app_label, model in _MEDIA:
            for permission in _model_permissions(
                app_label, model, ["add", "change", "choose"]
            ):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
        groups[name] = group
    return groups


@transaction.atomic
def moderation_workflow_assign(*, pages) -> Workflow:
    """Make submissions under these pages go to the Moderators for approval."""
    from wagtail.models import GroupApprovalTask, WorkflowTask

    workflow, _ = Workflow.objects.get_or_create(
        name=MODERATION_WORKFLOW, defaults={"active": True}
    )
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.filter(name=MODERATION_WORKFLOW).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=MODERATION_WORKFLOW)
        task.groups.set([Group.objects.get(name=MODERATORS)])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in pages:
        WorkflowPage.objects.update_or_create(
            page=page, defaults={"workflow": workflow}
        )
    return workflow
