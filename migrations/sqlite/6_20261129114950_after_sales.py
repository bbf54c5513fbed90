from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "after_sales" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL /* REFUND_ONLY: REFUND_ONLY\nRETURN_REFUND: RETURN_REFUND\nEXCHANGE: EXCHANGE */,
    "status" VARCHAR(24) NOT NULL /* REQUESTED: REQUESTED\nAPPROVED: APPROVED\nREJECTED: REJECTED\nCANCELLED: CANCELLED\nRETURN_SHIPPED: RETURN_SHIPPED\nRETURN_RECEIVED: RETURN_RECEIVED\nREFUNDING: REFUNDING\nREFUNDED: REFUNDED\nREFUND_FAILED: REFUND_FAILED\nEXCHANGE_SHIPPED: EXCHANGE_SHIPPED */,
    "reason" TEXT NOT NULL,
    "images" JSON NOT NULL,
    "refund_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "return_carrier" VARCHAR(16),
    "return_tracking_number" VARCHAR(64),
    "exchange_carrier" VARCHAR(16),
    "exchange_tracking_number" VARCHAR(64),
    "note" TEXT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "customer_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT,
    "order_id" BIGINT NOT NULL REFERENCES "orders" ("id") ON DELETE RESTRICT,
    -- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
    CONSTRAINT "after_sales_refund_not_negative" CHECK (refund_minor >= 0)
) /* An after-sale request (退换货) on a paid order: refund only, return and refund, or exchange. */;
CREATE INDEX IF NOT EXISTS "idx_after_sales_custome_8d4941" ON "after_sales" ("customer_id", "id");
CREATE INDEX IF NOT EXISTS "idx_after_sales_status_426fe1" ON "after_sales" ("status", "id");
        CREATE TABLE IF NOT EXISTS "after_sale_lines" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "quantity" BIGINT NOT NULL,
    "refund_minor" BIGINT NOT NULL,
    "exchange_variant_id" BIGINT,
    "after_sale_id" BIGINT NOT NULL REFERENCES "after_sales" ("id") ON DELETE RESTRICT,
    "order_line_id" BIGINT NOT NULL REFERENCES "order_lines" ("id") ON DELETE RESTRICT,
    -- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
    CONSTRAINT "after_sale_lines_quantity_positive" CHECK (quantity > 0 AND refund_minor >= 0)
) /* So many units of one order line in an after-sale; for an exchange, the variant sent instead. */;
CREATE INDEX IF NOT EXISTS "idx_after_sale__after_s_a3785d" ON "after_sale_lines" ("after_sale_id");
        CREATE TABLE IF NOT EXISTS "refunds" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "refund_number" VARCHAR(32) NOT NULL UNIQUE,
    "channel" VARCHAR(16) NOT NULL,
    "after_sale_id" BIGINT,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "reason" VARCHAR(80) NOT NULL,
    "provider_refund_id" VARCHAR(64),
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "refunded_at" TIMESTAMP,
    "order_id" BIGINT NOT NULL REFERENCES "orders" ("id") ON DELETE RESTRICT,
    "payment_id" BIGINT REFERENCES "payments" ("id") ON DELETE RESTRICT,
    -- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
    CONSTRAINT "refunds_amount_positive" CHECK (amount_minor > 0)
) /* Money going back to the customer through one channel: the intent first, then the provider's answer. */;
CREATE INDEX IF NOT EXISTS "idx_refunds_order_i_83dc7c" ON "refunds" ("order_id");
CREATE INDEX IF NOT EXISTS "idx_refunds_status_0f09d1" ON "refunds" ("status", "id");
CREATE INDEX IF NOT EXISTS "idx_refunds_after_s_40e3c6" ON "refunds" ("after_sale_id");
        ALTER TABLE "payments" ADD "refunded_minor" BIGINT NOT NULL DEFAULT 0;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "payments" DROP COLUMN "refunded_minor";
        DROP TABLE IF EXISTS "refunds";
        DROP TABLE IF EXISTS "after_sale_lines";
        DROP TABLE IF EXISTS "after_sales";"""


MODELS_STATE = (
    "eJztXWtT20i6/itd/rJJFZMCcwnLbp0qhziJdwhwjJkzs2FKyFIbq5Aljy4k1J789+3WvX"
    "VD3ZKMLL9fwJb6le3nabXee/9nsDJVrNvvRqpqYdsenKH/DAx5hcmL9Kk9NJDX6/gEPeDI"
    "c90bK/uDsD9sbjuWrDjkxELWbUwOqdhWLG3taKZBjhqurtODpkIGasZDfMg1tL9cLDnmA3"
    "aW2CInvv1JDmuGin9g+vW+fRu4NrYkTaWfpNmSiheyqzuDP+m49aO00LCuMr/DH+odl5zn"
    "tXfsg/YwMZxP3lj6TeaSYuruyojHr5+dpWlEAprh0KMP2MCW7GD6CY7l0p9Gv3kAQ/hr/V"
    "8RD/G/fkIm/NIxFHMpPjaQpMurmXQznknSgAM8xTQo8OSr+kQ+0K/wy9+Hw8PD98P9w5PT"
    "46P3749P90/JWO/7Zk+9/+l/mRgt/1IeZpPPk8sZ/UImYdfnnR746cnIjuxLeSzF6FtY0d"
    "Ya9uFjSThfylY+BYxQignyE9NMhLiXUREeiLmI5+YmyFjJPyQdGw/Okrw9OSrB+bfR9PzL"
    "aPrm5OgtC/ZlcGbonaKwxzCvCUSYB+JIoIfwDvcrwDvcL4SXnkrBa5lPmqHwIZyQ6SHIh8"
    "MKIB8OC0Gmp1iQFc155gE4HA/gVgBX1egXULiW4aTM5kAeDLYUYvJZGHMBHEv0cA4P96st"
    "w2XrcHYhNm1H1gmEKt9azIr1bjIfVIH6oBjpgwzQCdU6qz2bpo5lo0B9ZgRTSM+JZFtQR0"
    "daQLtMLb66uqBXXtn2X7p3YJJSki9vv34YE/g99MkgzWF058QD0MIUE0nOwfwjOeNoK1zw"
    "KGQkU6Crgei78MUWLi0lBMwmX8c3s9HXa4aFj6PZmJ4ZekefU0ffnKRuhegi6P8msy+Ivk"
    "X/vroce3CSxePB8j4xHjf794B+J9l1TMkwv0vEAk5gEh4ODzE0u2tVkGZWEmjuNs2xn6K6"
    "8yEh9LIHYgsI3ZwTgvp/Fo+5PggKapaGT6aFtQfjV/zsUTEh31vON9cCT9htcJkto+BnOM"
    "fCo4PID2XJ3yOHWXLqkd9OfjH2n1Pno5vz0cfxwEN4LiuP32VLlRio6RlzaKaORGOzp1bD"
    "VfqIbMgPHjj0V9DvHKA+xQtyUy5n5iM2Bjn+Seb8XpmT0vJHSg4dWs1TORihQAp5UnvIds"
    "i0UZFp6M9ItpHm2Ojmy+iX4fHJP5BlOnRakJMKuZSzxAZ6xGuHiCKVgKk45GIE5XeDFG/t"
    "fUoVf6qNbZv8Wko9OFG76UT1ZoW0lO0lj9HDSjVj87wuGS07UTXbdoX0MkYQ1LJOq2XB8i"
    "nAMivZAM3BvQMsN89y4qHG9dxi5UAFb0oFD3BtQAu/ia+0ZURUVcTZOdglXTzEPkcNT9BS"
    "rIEHv6yi7n1lYGSTuYHVXzSD6LZPmoLPkEyGrzSiF5sLXxUmkLPqs51VsOtdijMrwcJPRN"
    "Z7ToBC3U2FGjytO6EF6LLtSOTOFCE6LQtUd5pq/GOtkcsJEM1KAs2dptl7zBLlhC+fjJXq"
    "XfT3sFKk/bAk0n6YjbQrOk3Ak7Q1D9CMUO9wPjquAPPRcSHK9BQLckJV5Fy1WElwRnR50Q"
    "q5IqqjnWcDlyXCpiWFbqqOcdt2IhZEXrvi9oHIa8uR1+Qik45upuZ+IP/p1ynWZUfLXU4K"
    "Yqo9wf1nm74xb47mOMbCuVvsFaP0t184A56oTnqi8ErWdB6VIBJoRBPoUDx3eFwloEtGFe"
    "cLH2dCuitzrulcqcKxRO8AbrwsxvvPgW04vneW4UElC/ygxAI/yMl1l237u0meS7yJHxlB"
    "qC6oWF0gP6+o/6IG8gUX6J/Z1goBmi0R/Ud7yllVXio6iOU2WHMQLuZbW3JAgCPG12LBj3"
    "ckBiUenHi7a2zlG8YvYp4UBdw5cCe4rbQ4+YCF/V83V5cF6zkrlnazaoqD/h/pmt2ag2jw"
    "z4VrKBRTNHc13dEM+x39vP9pS68poYPCxNARLuVvvo5+T6/y5xdXH9K+VHqBDylivmNlKT"
    "uSucZGniFa/KjNCPZNXW8+vxWyHkSm/daFG6C+bCdo9v3EIjSzkhA77BrLmYBKFf8/04JJ"
    "3PWfaPe0nfd21uufkxdeE6T+5SAzIMkLB1uSLeu1JxO90I2sb/Gjohwp01KD2I04SFf0Gn"
    "0CqM0o28hVNWeKFQL8IK9ZXeL0XmnDOjpQsryRm2haR65sejFecuYb+RoWGQvZ4R2NyfFr"
    "VKAwd1SVYh5r3j34SJDk8TOwUj2MpBycVAldpYlLRK5O0n6GaLHjWsOSUkIZWB2zQja5lj"
    "HY59bZlU7wfP2kD5O7eSda8OzmADiW6CHAB8PTKsvH8LR4/aDnWIxNcqEnWXdzwoDFvnpG"
    "qJanvmMLyaZd8gb+zo8+IwToi6MvkiReKzm8y3k1x5WSDI5LkgyOs0kGFia/03ZyFZQylJ"
    "NSvUO6hWgTFBC1U0DE4R5utRmAbKhz88e5biqPg7yOAMnze6VtAfyRkhINrdCXyyaw6xhZ"
    "5nf0RlPRwdsztCSvF7JFe2Kh4JrIuyayXMNG8hLLqlfrj2UdeZb5IEVik9dtOCV7V3w/w4"
    "Oj90enhydHkZkUHSmzjl726piLhY1pSTefWcqIba4yaL9dlDdslVIE+b1qsRR41jrtWaNE"
    "zZ8Fmi0lxMDlU6vm7nV0gHNCzYNpPec9/6Nzpc9+xR+lbWTroLVsedoldLp83QdD8UO6+x"
    "Ulm/OstVFTYuvuAw++4fjedQ9tqWLH4SwXcVqtz3nNYr4qpi4ZVVLMl+mWQdQWLT+6Ubg6"
    "J0V6o7zXNJEgIXjH1PNY7eHSbBgxUM9rqedpMrJMcDfFSOrX28VD1b4YzARkOmNMyT0xnZ"
    "zPqrXGUJaarlo457nBk6fXP7zZRcIyVVdxaiYzXvtX6RFGbZrPIVo51nMCyGLjOclZy6Yz"
    "WY0c3weaePR7yYzxmZVmSGtLU7BEXplW+rSXUEwQdo1AMrD9Qw9QMBJM826a5mA6RglzlU"
    "zHkxLT8SRjOjqaw9enJBLooeujld4CyW+WwXmGfxQsIimxHsSky0yb8e8zxqrJZLREls3F"
    "1eXncHg6zSW9L2r4BMjO7bHhrjL6LruMRNIbhP7jdPRpxom/L3SGvH93xuh8NvltfIb8/+"
    "Q9wZG8+EiOBK/SwedXStZ1yOfPXSev1qc43YuVgrr48ptGIA1MWxGVkYuSWALoaJyOtGrL"
    "pYfmCPfGF7nhRAK6GIrzkBUGHgQTOhK2HBcHKUHAXzShRraUpVRgNRRrs2k5UGf51Vkfwr"
    "mpPgsgH4oB8NzAQ7RKiIpti1ZB+5qdoDnl/K2uQaQEITDZUGBSScS3IDT5QmgyNQlrBCef"
    "ZEuTjbpxt9/8q2zvmrbZwFsIV07gLYFkceAtSVqlYhXs449ufr19h+7vbcdUHu/vkWZ4RS"
    "Wj6wnSbHLcpPt1Gyr6BZGVFltPWL2/zy1SqXu9StmyfnQxXGfDTCqIz3U0PvfocoXn/OG9"
    "i861UPEPobmWQ3Om96W4vN0JEXB3N+7uFnaxvpp7tSfLe0IdN1c0/40YsyI85EmDpSTOhS"
    "3Igg34N4B/oMbygZ8QgiiDGO6h0cAHfFIKkBdDHkpdoNRlU2t6n7zKEDzYCZpZ1xSPecK4"
    "tMA6aaqoKa5WqBk6qF5A0jUiKlc1MXOQd8Pfdrs5WLkuce/4XnkXB6u6M1xxbcdcYetvNq"
    "Jy6M39fbAD8v39W2RaSEYPtNUaOU9OefsZe/vokbN7yMBP2EJz01nm+cWbvHQVF3nioQFu"
    "8W66xWOSuVy4jBRsLTV4wUcO6vVO6F2gXu8Gzf4zk++xlRBqxNO5I8+ujFZdJWlE14y6e/"
    "NQpe6CXGZ7b7UqKSPsnM4idmXgmUn+VLRObu1KW/V0aipXtUsS928Fo6S2oeHNvQJjI5yX"
    "5QaHFN0Fzda+f/Ov7kMRZPpEPeMY9T99EtT/zqn/f7mEIM3JyWosJCAp0icXUWO+dJusDY"
    "qTGxYq28A6KQZ7tFffuxpsKxECtk7pTjx0eJLhLfBm1462Jp7jXOizckBAc6UIVjMd0qxt"
    "pKB6DYJVHkXImeINoNq/UoM0sOxt3aUITbyhbo7lxOy2W7L1Kbu7b4WIjYE8mV+oDAr2wU"
    "Fv7ty/7+/v37knhyfDO/dUHb5/i0wyFK1lTUXezrhnZPTCNcg7Q3/eI28c1yIjyAH/+B4N"
    "yeAfylI2HvI249jgB1eJ9oTRpWBihLu5xh1qwA7srB1YvO3nyy2ItmHzz8F0/On28qN0dX"
    "nxxxlKvLkzpuPZ7fRS8o/Rc4m3d8b49/Mvo8vP4zMUvkrfh1UiSs33Jdq+rlFCpP3vLTEc"
    "xh4twcs7Y3R9Pb3yW0UFryiJ/xqfBwP9V3fG+ejyfHxxQQ9GLyO6b75Mrq/HMd/B+8R0OB"
    "/7/ahSB+gIOjUml5/DiURehkd9Af9VeEz6NJpcxCeCt/HUir9L+ojIVBtWCV4Oi4OXw0zw"
    "smjLveJmDr3acm/TfRygtVWnan18jUikvCEtCQaweIWJa1nYUHLc1CV7JSZkuvyUE0xSOa"
    "ywzB8WrvKH2UWe2gASMZotLS8SWLbzZ1qykXygToHdvP4WoEZtS6I/P0hEZZsL4Z5zhf7h"
    "33xGVmjdisz4PNn+Yd78nI9wqzHry67RPw6an/eG6XB1xAvHgyIPDdk2Q8W2BSYh6XMnaE"
    "55tzli0KwgWIHCVqAXu+DGPykF4DcVg/ZQbSBcehVeZ8tIqBosTc6+gjZ4eatMA8hWTMbd"
    "VmBTy2qNFoMNZItHseX+p4y3EK0vynXOoFolas+R9jy4MRH5ds+I0ODYyFwg08B+hBzRq9"
    "B+gXIyyP4PtKBFkkYUG9/z+gkGCRHIxuSPRiDEspoN17f9YVVC9AmYIBjf2WB8cVJ2GQd9"
    "zcveeFMfiPe8OgmRl0809bTgAtBjTJQR9snBxUVGFG6MmiYw1RcE7eCEKNDQlDEcz/AG7D"
    "YmT3XL2KhqvGWWhAqmcTx/m3I79MxYS4OcueG5beQ2rT/f8ZNj9UUeoWJrz/tlm9jWOVH0"
    "G26/zKY04x9rzcJ2tNtzcvdnsK46aV3xx5xrRpg7RgKbRTSskkY0LM4jGu5kYvL12Mv6la"
    "5Hf3wdX87OUOrAnXE9mnwkh8nfOyPK742SjD+OLya/jaf0WPTyzji/+np9MfaymKOX+WnM"
    "aefSayUGewZvPcYzF9lgpsHU++wb76PfXQaBQ555QGXOEP1LGZ/OJqMLSrr34s74dHtB3t"
    "K/Inw1n38DWZRtZ1Ha7twxHVkXcR9lZcFAE7aT7aW2XtPsMBEiMrJAhDART6arEO1aUjXb"
    "29VWhJDiawAxwsSsTfr5ErFweJsEs4JAQV0K6twahZcAWoRpEX6Cw+O7uSDcnEAkKRZWNc"
    "dbasQCcsVXAXKEyZnLOrXkhGnJlwdCakRLHWwZZOlRXaFdyfLlgRDxYKmqWtjmquFNiGy+"
    "iPd1UsBbKdfVjCdTU3JCRCXl07FILeg7liewaeShsmhjlUWJqFMG8PKSE1YSSk66XXICBW"
    "S7QDMUkO0EzbT9mgDHCbEGCN4eHWXr+PXCBkK3MSsJLHeZZRXr2hO2hHhOywLTXWaa7hFO"
    "k+WE9K+ULDDdaaapO1LXxZhOyQLTXWb6VXZu6ppS3YmU+fz9hqDIudqmQ3wFzqmW1g2UOf"
    "cIctax9oQNpyZIXv76mF6oryg1UDDfx/qLlLX/vKo/l679q/QVJD/3tyZGfhJvXyGivoEG"
    "JtJNcJk+wdR6dZK/iBeVKEVL/At1SlL8UHm5I8WVgcmPkw1b81oqmwvaAMJvEvHGtBDtHO"
    "H59snJt2fo+1J29tDCMlfkJbaIqOm/2EPzZ/LKXO3R90a2GUWLn1OlrirZFQcaUXS2VMoD"
    "MIN/ybbgwfg+Fgo0XihFb6eatTOpS3S4/ylUTPk3lFmTceYCXb7NgHDf9FYc05Lq7K7DXq"
    "HTlJ/f3syuvo6nhIXgFSF2Nvr0idBK/5F3f9zMxl/JW++/CEXNV8X5AHM3NUlIQVcZ0URJ"
    "yBnbWM4Yf2gDskq2IKIBPXG7E9OAnrjVohoVeuK+Yk+aom6kjMv6JZ8PRxPSkd/+U7bR3H"
    "Qfls4Zsg15bS9Nv0so7fmpEANdNx+Q7JC35M/KpL48b8NO6qmxiSKJ6VgsK0sUeJ7Jf8vJ"
    "2TS07U/jdf+QBdHzQYETqKNOoIigDAclVamxSJ8eL8ODo/dHp4cnRxEB0ZEy3GFH9Y5M8s"
    "SktkzVVfgJYOWAAPEia83J65ZY4lsOBbrsAhF0Lg/396s4nvb3iz1P9Fz+GsONdEYQEK+G"
    "uP3o8uAcDO8hus1vW2Z634irojYhAtvilruTBKo96S4G0trSFKGK8zxpeJgKP0xhwwBoF7"
    "PLFIQNwmr0FgMaGutnJd7GCkhounVS7a5JQElzDZNq9EoCGhpsk1SnRRIQ0dgSNZdtTehp"
    "kS8PhAgTAkFkCCJ3hYSNBJFz97WCfUBfp9YiLHLKibkn6p+KI+7JUqsK4Xa6oab/MI+C18"
    "nyB9lBMlpb5pPmFUPQJpV+5QMNjYcfhWxdUzAyjbc5EfYWPoArqP5n8RY1EGLvZog9mA08"
    "0YOkTA9DCC3sfrGUDQPrPBgnRADiChCTj1KxxL/BUloOtllKQZ2tHpJXoi3j05KgugvbTb"
    "ChTusb6pRUSxVE1beiPKozS7Zfgi/aXz8tu7m1ZL9XC0mozEleTbbsJQ7k+mNe1gdzLtHh"
    "utDOJJgoukbsLmktW/KKK80kIwg9xMWzSqCxtQgVW1e0BI2td4JmaGy9EzRD9AiiR10hYc"
    "PRo802MOumcrjZYFEAVk6sKIaxOFSU4OvlSNFX08DP6MEkGCD65WnXK68+0rUdc4Ut8sai"
    "NZSIjEOBq/jMG0GwoFGfhWbZzh49YvjBncBE+5uNiIn2HVvZ4NGGPrNOPCk8koicQguvzo"
    "aWgu3V+X3yGUFwyr/olIcQU/vdephVh2thyYhC3x5RfyVEnzpAAkSfIPq05au5hWU7r7NE"
    "mVoSSvSgBxgL72mVkuTT4ork00xBchQTCpQ5wYgSIw3BpArBJPBv74LjE/zbO0FzlObAz3"
    "NKFDaH6jLPEMd4zQwYP/GdvyETIwcWPcSRuhZHypnlDQBbfWegjk3vqsiyN3an2oRGm+nk"
    "RKGSG+0Ux6GYXX1ejEQVY8sfx1Fky9L8W5J+6CO5XOjjhxBON0M4Ccoqu/liEfBDVStcYW"
    "4FDqhzRHsIefM+knr7oLyGn3UQ7E3C6Q0cZPc2mVxKs+no8mYyO0Px62jPk8nl52jTE/K6"
    "aC+U6+nVhwu6m0bw4s6Yjme300s6LHw16MTtBf6wl9ShXhjQ4A/bCZrBTwJ2eldI2HC+Zx"
    "P7Q4cWYu+2iN6EyV24JWsG1ZeNb5GNWT1VH/mPK6+rBwqvht4sNF3HKt0RlSZeRoPDMOoe"
    "IjMDWzkdQxq+dhWnQISBf0tAb5DOWv+wb1cvlajtM3/5iQXLlwEkw3XxPocpsR6kOpXdu2"
    "1sd5h6wFV/eqUEwVRpylSxE5GRmtZKMsiyZVRUNVhS07BT8a8r15mbPwpV8eTpUkXc9Aby"
    "qOH1ImFrd65r9jLyM0HZUme1Xm9OcOarJmWgWCmlmmSLlRxzrSlcka5QoMs6Z2fiW/IDMR"
    "ceaJ9qDycOnLOSPQS8hY54EWzchWEpSdD5atQk+XXK3BykBCGRr0YipW7KOegXt7BKiGx+"
    "p7TX8Re10r0KwtwiVGyd6y5tRvAQnZaFioCuMZ3xYLyOjT1R8WptOrRW91f8PMgxs1Mj9s"
    "osbS0eKz3i5xaM7W8D144jrGs6YQPnJfk838xmbHHoSt8RzaHYBk8QWp2ChBCo0cJKHHMD"
    "VbUbGaEemozN2+iPmKt5QjAcoK0A7YJ8OLbWlpbn8C+GOCUGUFfMpC5wMFWLJHfex0RWSO"
    "l6evV5Or658eLG4Zs74yNR/c7Qx0ABfP2AL9Fp6C/KsFFsfccS0DkabG+wyEptb2gQ3lua"
    "O2J4j7ClKctBjsEdnNkrM7TleEybsWwui3lXzOXhwdH7o9PDk6PINIuOlFlkLxvCT9iyOW"
    "2xhEiXFStBHXZ4fFxBbyKjChUn71wqfkduKg6Eg+E9RPdgv0ojMDKqWC3dz7QCI5/o5CZf"
    "lexsEotAWIhTNX3Vh9nP/wL7MHzF"
)
