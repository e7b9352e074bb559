"""Short-video platform presets: suggested durations, frame, pace and tone per platform.

Title limits and hashtag caps stay in ``channels.VIDEO_PLATFORMS`` (one place for limits);
the durations here are guidance for the prompt and the brief, not hard rules.
"""

from __future__ import annotations

from dataclasses import dataclass

from workbench.kinds.channels import VIDEO_PLATFORMS, ChannelSpec


@dataclass(frozen=True)
class VideoPreset:
    platform: str
    durations: tuple[int, ...]  # suggested lengths in seconds
    frame: str  # aspect ratio and size
    tone_zh: str
    tone_en: str

    @property
    def spec(self) -> ChannelSpec:
        return VIDEO_PLATFORMS[self.platform]


VIDEO_PRESETS: dict[str, VideoPreset] = {
    p.platform: p
    for p in (
        VideoPreset(
            "douyin",
            (15, 30, 60),
            "9:16 1080×1920",
            "节奏快、信息密，前 3 秒必须有冲突或利益点",
            "fast and dense; the first 3 seconds carry a conflict or a benefit",
        ),
        VideoPreset(
            "channels",
            (15, 30, 60),
            "9:16 1080×1920（信息流旧版最高 6:7）",
            "像熟人分享，真诚温和，适合转发到朋友圈和社群",
            "like a friend sharing; warm and sincere, easy to forward to Moments and groups",
        ),
        VideoPreset(
            "kuaishou",
            (15, 30, 57),
            "9:16 1080×1920",
            "接地气、说大白话，老铁式的直接和实在",
            "down to earth, plain words, direct and practical",
        ),
        VideoPreset(
            "xiaohongshu",
            (30, 60, 90),
            "3:4 1080×1440 或 9:16",
            "种草笔记口吻，真实体验和细节，少硬广",
            "a seeding note: real experience and details, little hard selling",
        ),
    )
}


def preset(platform: str) -> VideoPreset:
    return VIDEO_PRESETS[platform]
