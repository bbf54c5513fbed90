"""The carriers a shop ships with: our code, the name customers read, and Kuaidi100's company code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Carrier:
    code: str  # what staff type and shipments store
    name: str
    kuaidi100: str  # Kuaidi100's ``com``


CARRIERS: dict[str, Carrier] = {
    carrier.code: carrier
    for carrier in (
        Carrier("SF", "顺丰速运", "shunfeng"),
        Carrier("YTO", "圆通速递", "yuantong"),
        Carrier("ZTO", "中通快递", "zhongtong"),
        Carrier("STO", "申通快递", "shentong"),
        Carrier("YD", "韵达快递", "yunda"),
        Carrier("JD", "京东物流", "jd"),
        Carrier("EMS", "EMS", "ems"),
        Carrier("JTSD", "极兔速递", "jtexpress"),
        Carrier("DBL", "德邦快递", "debangkuaidi"),
        Carrier("YZPY", "邮政快递包裹", "youzhengguonei"),
    )
}
_BY_KUAIDI100 = {carrier.kuaidi100: carrier for carrier in CARRIERS.values()}


def by_kuaidi100(com: str) -> Carrier | None:
    """The carrier Kuaidi100 calls ``com``, if we ship with it."""
    return _BY_KUAIDI100.get(com)
