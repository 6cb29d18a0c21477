"""All of the sprint's routes, one router per part (each part's module says what it does)."""

from __future__ import annotations

from fastapi import APIRouter

from app.sprint import (
    channel_routes,
    live_routes,
    option_routes,
    overview_routes,
    queue_routes,
    result_routes,
    steering_routes,
    team_routes,
)

router = APIRouter()
for part in (
    overview_routes,
    option_routes,
    team_routes,
    queue_routes,
    steering_routes,
    channel_routes,
    live_routes,
    result_routes,
):
    router.include_router(part.router)
