"""The one repair round: the model's answer and what was wrong with it go back once."""

from __future__ import annotations

from workbench.llm.base import Message

_ASK = {
    "zh-CN": (
        "上面的回答没有通过校验，问题如下：\n{problems}\n"
        "请逐条修正，只输出一个完整、合法的 JSON 对象，不要任何解释。"
    ),
    "en-US": (
        "Your answer above failed validation:\n{problems}\n"
        "Fix every problem and reply with one complete, valid JSON object only, no commentary."
    ),
}


def repair_messages(
    messages: list[Message], answer: str, problems: str, language: str
) -> list[Message]:
    """The original conversation, the failed answer, and a request to fix the problems."""
    ask = _ASK.get(language, _ASK["zh-CN"]).format(problems=problems.strip())
    return [
        *messages,
        {"role": "assistant", "content": answer},
        {"role": "user", "content": ask},
    ]
