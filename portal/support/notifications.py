"""Notifications of request events: in-portal list and bilingual e-mail.

The texts are kept here in both languages so each person reads them in their
preferred language; the e-mail adds the other language underneath.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string

from portal.support.models import Notification, ServiceRequest

#: kind -> (English, Simplified Chinese); {ref} and {subject} are filled in.
MESSAGES: dict[str, tuple[str, str]] = {
    "assigned": (
        "Request {ref} is assigned to you: {subject}",
        "服务请求 {ref} 已分配给您：{subject}",
    ),
    "queued": (
        "Request {ref} is waiting in your team's queue: {subject}",
        "服务请求 {ref} 正在团队队列中等待处理：{subject}",
    ),
    "informed": (
        "For your information: {ref} from your account was routed to the team: {subject}",
        "知悉：您负责的客户提交了请求 {ref}，已转至团队处理：{subject}",
    ),
    "accepted": (
        "Your request {ref} was accepted: {subject}",
        "您的请求 {ref} 已受理：{subject}",
    ),
    "reply": (
        "Your account manager replied on {ref}: {subject}",
        "客户经理回复了您的请求 {ref}：{subject}",
    ),
    "question": (
        "Your account manager needs information to continue {ref}: {subject}",
        "客户经理需要您补充信息以继续处理 {ref}：{subject}",
    ),
    "answer": (
        "The customer answered on {ref}: {subject}",
        "客户已回复请求 {ref}：{subject}",
    ),
    "comment": (
        "The customer commented on {ref}: {subject}",
        "客户对请求 {ref} 添加了评论：{subject}",
    ),
    "resolved": (
        "Your request {ref} is resolved; please confirm or reopen it: {subject}",
        "您的请求 {ref} 已解决，请确认或重新打开：{subject}",
    ),
    "reopened": (
        "The customer reopened {ref}: {subject}",
        "客户重新打开了请求 {ref}：{subject}",
    ),
    "sla_warning": (
        "{ref} has used most of its SLA time; act now: {subject}",
        "请求 {ref} 的 SLA 时间即将用完，请尽快处理：{subject}",
    ),
    "escalated": (
        "{ref} breached its SLA and is escalated to you: {subject}",
        "请求 {ref} 已超出 SLA，已升级给您：{subject}",
    ),
    "turned_over": (
        "{ref} was reassigned to you after an SLA breach: {subject}",
        "请求 {ref} 因超出 SLA 已转交给您：{subject}",
    ),
}


def _texts(kind: str, request: ServiceRequest) -> tuple[str, str]:
    en, zh = MESSAGES[kind]
    values = {"ref": request.reference, "subject": request.subject}
    return en.format(**values), zh.format(**values)


def notify(*, users, kind: str, request: ServiceRequest, url: str) -> None:
    """Add an in-portal notification for each user and e-mail them after commit."""
    en, zh = _texts(kind, request)
    seen: set[int] = set()
    for user in users:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        chinese = user.preferred_language.startswith("zh")
        notification = Notification.objects.create(
            user=user,
            request=request,
            kind=kind,
            message=(zh if chinese else en)[:300],
            url=url,
        )
        transaction.on_commit(
            lambda pk=notification.pk: _enqueue_email(pk), robust=True
        )


def _enqueue_email(notification_id: int) -> None:
    from portal.support.tasks import send_notification_email

    send_notification_email.enqueue(notification_id)


def notification_email_send(*, notification_id: int) -> None:
    """E-mail one notification, the reader's language first, the other below."""
    notification = Notification.objects.select_related("user", "request").get(
        pk=notification_id
    )
    en, zh = _texts(notification.kind, notification.request)
    chinese = notification.user.preferred_language.startswith("zh")
    primary, secondary = (zh, en) if chinese else (en, zh)
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + notification.url
    body = render_to_string(
        "support/email/notification.txt",
        {"primary": primary, "secondary": secondary, "link": link},
    )
    EmailMessage(
        subject=primary[:150],
        body=body,
        to=[notification.user.email],
    ).send()
