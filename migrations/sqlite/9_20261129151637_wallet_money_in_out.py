from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "top_ups" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "provider" VARCHAR(16) NOT NULL,
    "channel" VARCHAR(16) NOT NULL,
    "trade_number" VARCHAR(32) NOT NULL UNIQUE,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "provider_transaction_id" VARCHAR(64),
    "client_params" JSON,
    "request_key" VARCHAR(64) NOT NULL,
    "request_fingerprint" VARCHAR(64) NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "customer_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_top_ups_custome_cf383c" UNIQUE ("customer_id", "request_key"),
    -- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
    CONSTRAINT "top_ups_amount_positive" CHECK (amount_minor > 0)
) /* Money paid into a customer's BALANCE through a provider (充值): one payment attempt with its own trade number. */;
CREATE INDEX IF NOT EXISTS "idx_top_ups_custome_9d1a2b" ON "top_ups" ("customer_id", "status", "expires_at");
        CREATE TABLE IF NOT EXISTS "withdrawals" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "fee_minor" BIGINT NOT NULL,
    "payout_minor" BIGINT NOT NULL,
    "from_balance_minor" BIGINT NOT NULL,
    "from_rebate_credit_minor" BIGINT NOT NULL,
    "provider" VARCHAR(16) NOT NULL,
    "payee" VARCHAR(128) NOT NULL,
    "request_key" VARCHAR(64) NOT NULL,
    "request_fingerprint" VARCHAR(64) NOT NULL,
    "payout_no" VARCHAR(32) NOT NULL UNIQUE,
    "payout_id" VARCHAR(64),
    "note" VARCHAR(200) NOT NULL,
    "failure" VARCHAR(200) NOT NULL,
    "decided_by_id" BIGINT,
    "created_at" TIMESTAMP NOT NULL,
    "decided_at" TIMESTAMP,
    "settled_at" TIMESTAMP,
    "customer_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_withdrawals_custome_9ba501" UNIQUE ("customer_id", "request_key"),
    -- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
    CONSTRAINT "withdrawals_fee_adds_up" CHECK (amount_minor > 0 AND fee_minor >= 0 AND payout_minor > 0 AND amount_minor = fee_minor + payout_minor),
    CONSTRAINT "withdrawals_sources_add_up" CHECK (from_balance_minor >= 0 AND from_rebate_credit_minor >= 0 AND amount_minor = from_balance_minor + from_rebate_credit_minor)
) /* A customer's request to take money out (提现): the amount held until staff decide and the payout settles. */;
CREATE INDEX IF NOT EXISTS "idx_withdrawals_custome_480401" ON "withdrawals" ("customer_id", "id");
CREATE INDEX IF NOT EXISTS "idx_withdrawals_status_f7737f" ON "withdrawals" ("status", "id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "withdrawals";
        DROP TABLE IF EXISTS "top_ups";"""


MODELS_STATE = (
    "eJztXetT4zi2/1dU+TJ0VboLwqMZZmur0nR6hh0auBB6Z7fZMo6tEF8cK+sHdO7u/O9Xkh"
    "/xG0uxg2POF0hsHdn5HVk+7/Of3pzo2HQ+DHXdxo7TO0H/6VnqHNMP6VN91FMXi9UJdsBV"
    "JyYfq/qDsD9s4ri2qrn0xFQ1HUwP6djRbGPhGsSiRy3PNNlBotGBhvWwOuRZxr89rLjkAb"
    "szbNMT3/9FDxuWjn9gdnvfv/c8B9uKobMrGY6i46nqmW7vX2zc4lGZGtjUE7/DH8qPK+5y"
    "wY99Mh7OLPcLH8vuZKJoxPTm1mr8YunOiBURGJbLjj5gC9uqi9kVXNtjP43deQBD+Gv9X7"
    "Ea4t9+jCa86RUUE2V1rKcoF5dj5WY0VpSeAHgasRjw9FZ9Rj6wW3j/82Cwv/9xsLt/dHx4"
    "8PHj4fHuMR3L7zd76uOf/s2s0PKn4pid/Xp2MWY3RCh3fb6zA39yGtVVfSrOpRX6NtaMhY"
    "F9+JJMOJ2pdj4LEkQpTtCfmOZEiHsZK8IDK16s1uYmmDFXfygmth7cGf16dFCC87fh9elv"
    "w+udo4N3SbAvgjMDforBvoJ5QSHCIhBHBB2Ed7BbAd7BbiG87FQKXps8GZYmhnCMpoMg7w"
    "8qgLw/KASZnUqCrBnuUgTgcDyAWwFc3WA3oAltw3GazYHc620pxPRaGAsBvKLo4Boe7Fbb"
    "hsv24exGTBxXNSmEuthenCTr3GLeqwL1XjHSexmgY6J1VnomxMSqVSA+JwhTSE8oZVNQR0"
    "caQLtMLL68PGczzx3n3yY/cJYSki9uv34aUfg5+nSQ4SZk59gL0MYME0XNwfwzPeMac1zw"
    "KkxQpkDXA9IP4Yct3FpKGDA++zq6GQ+/XiW48Hk4HrEzA350mTq6c5R6FKJJ0N/Pxr8h9h"
    "X98/JixOGkm8eDza+4Gjf+Z4/dk+q5RLHIs0I14Bgm4eHwUILN3kKXZHOSEtjcbjav7BTV"
    "jQ8xopctEFvA0M0ZIZj9Z/qYa4NgoGbZ8IXY2HiwfsdLzoozet9qvroWWMJug2m2jAV/hm"
    "ssPNqL7FC2+hwZzOJLj/52+oux/546Hd6cDj+Pehzhiao9Pqu2riSgZmfIgKSORGOzp+aD"
    "efqIaqkPHBz2K9g9B6hf4yl9KGdj8oitXo59MnG+X2aktP2RisuGVrNU9oYooEKcqo8cly"
    "4bHRHLXCLVQYbroJvfhu8Hh0e/IJu4bFnQkxqdyp1hCz3ihUtJkU7B1Fw6GUX5Qy/Ft+au"
    "UsWe6mDHob+WsR6MqO00ovJVocxUZyai9CSp6tF5XpcZDRtRDcfxpOSyBCGIZa0Wy4LtU4"
    "LLScoa2Bw8O8Dl+rkce6kJvbeSdCCC1yWCB7jWIIXfrGbaMkZUFcSTa7BNsniIfY4YHmNL"
    "sQQe/LKKsvelhZFD1wbW3xsWlW2fDA2fIJUOnxtULiZTXxSmkCfFZycrYK83lWBUgo2fKC"
    "1/T4BA3U6BGiytb0IKMFXHVeiTKcPoNC2wutWsxj8WBp1OgtFJSmBzq9nMX7NUOBGLJ0tS"
    "dc77u1/J075f4mnfz3raNZMF4CnGQgToBFHncD44rADzwWEhyuxUEuSYqCi4ayUpwRjR5k"
    "0r5BUVHZ08HbgsEDZNKfVQtYy3TQdigee1LWYf8Lw27HmNbzJp72Zq7Qf0X36/xqbqGrnb"
    "SYFPtSO4/9mkbYyv0RzDWLh2i61ijP3NJ86AJaqVlig8Vw1TRCSICGqRBFrkzx0cVnHo0l"
    "HF8cKHGZfunEwMUyhUeEXROYBrT4vh/wWwDcd3TjPcq6SB75Vo4Hs5se6q4zwT+l4SDfzI"
    "EEJ2QcXsAnU5Z/aLNZAvmKB7alsjDDAchco/xlPOrvJS0sGKboM5B+FmvrUpBxQ4qnxNp+"
    "J4R2SQ4iGIt7fAdr5i/CLmcVLAXQB3itvcWAUfJGH/283lRcF+niRLm1kNzUX/RabhNGYg"
    "6v1l6lkawxRNPMN0Dcv5wK7316bkmhJ2MJgS7Ai38p2vwz/Su/zp+eWntC2VTfApxZhnrM"
    "1UVyELbOUposWv2gxh18T1+uNbIepBZtlvnbsB8sveBJt9O7EMm5OU4DtsG5czDpUq9v9E"
    "CSZ503+s3NN2PttZq39OXPiaIHUvBjkBkjp1sa04qrn2YmIT3ajmFr8qypEith74buRBum"
    "RzdBUgE+sPLPZK04jH6NZC6pxPNvTn2trXUjlgLlko3mJNoMZkcbvo6pJ6Ip42W/up++bP"
    "0lWQng13ptvqs2quidPfo4m6BFWTgQBDTzfca6zRd0Mvr55m7HS/tKYmG6jYfOQm6mrSmQ"
    "kPQ6FnvtPbsOlYSGBpadiAuNIHOn1Ltb2E5M2fwUeKpIgpNEnVQWfv3lEV73qacTHn+lHa"
    "FBptdkJ7WJxKKki0ZRLpJveyBPa5qcClCzxfSOnC4q7fzh+8uwUAXlF0EOC9wXGV7WNwXL"
    "x/sHNJjAmd6Ek1vZxIhWJ3YoJoLWdiyzaSTXsNLfwsjn6CCNCXR18mj2Wt/JU2h/4dVoqD"
    "OiyJgzrMxkHZmP5Ox80VUMpQjlN1DukGHOKQ49hMjqOAB6vReiWqpU/Ij1OTaI+9vKIl8f"
    "P90sol/khFi4ZWKB3oUNhNjGzyjHYMHe29O0Ez+nmq2qxsHwrmRHxOZHuWg9QZVnVejgSr"
    "JuKaeS/FxDrnrTlr5K3YfgZ7Bx8PjvePDiI1KTpSph29bNUh06mDWdUJMbU0Qba55MXdZl"
    "HesFbKEBS3qq2owLLWassaY9RkKVEPLkYGJp+10oJfRwY4pax5IPYy7/0fnSt992v+KGMj"
    "3c0Wqs2lSyjG+7ovhuKXdPuT3jZnWWsi7c0xvQcRfMPxnStw3FBSoSuY0eY2mkL4mvnGVV"
    "RdOqok3zhT0IeKLUa+d6Nwd46TdEZ4X1NFgpyFNyaer8QeIckmQQbi+VrieZoZWU4I1+2J"
    "y9fbxYeqpXsSCzBRvOeaPhPXZ6fjatV7tJlh6jbOeW+IBOt1D+/kJmET3dPWjSK+8mfpEE"
    "ZNqs8hWjnacwzIYuU5zrOGVWe6G7m+DTT26ufBjKszc8NSFrahYYV+Inb6NM95UPz4cn4q"
    "0P1DC1AwElTzdqrmoDpGAXOVVMejEtXxKKM6uoYrVkopIuig6aOR8ifxO8vgPMY/CjaRFF"
    "kHfNJlqs3oj3FCq8lEtESazfnlxa/h8HSYS7p1c/gGyK7tkeXNM/JuchuJqDcI/efr4Zex"
    "IP4+0Qni/+6s4en47NvoBPn/6XeKI/3wmR4JPqWdz68UrOvS6088Ny8dsTjcK0kFpTvKHx"
    "qJMDBjTkVGIZasKIAdtbMjLdoKyaE5xJ2xRW44kIBthvJ8yBIDHyQDOmK6nBAPUoSAv2xA"
    "jWprM6VAayiWZtN0IM6Ki7M+hBOiLyWQD8kAeGHgwVslxYpt81ZBha03weaU8be6BJEiBM"
    "dkTY5JLebfAtfkC67J1CJcwzn5pNqGunb1nm/+LNu7p23W8RbCleN4iyFZ7HiLM61Ssgr2"
    "8Uc3v99+QPf3jku0x/t7ZFg8qWR4dYYMhx6njJ2plo7eI7rTYvsJ6/f3uUkq685XKVrW9y"
    "6G+2wYSQX+uZb65x49IfecP7xz3rkGMv7BNdewa47wmxKydsdIwNxdu7lb2sT6aubVjmzv"
    "MXGczFn8G1VmZfiQRw2akjwvHEkuOIB/DfgHYqwY+DEi8DLI4R4qDWLAx6kAeTnkIdUFUl"
    "02tad3yaoMzoM3weakaUpEPUmYtEA7qSupaZWtsKbroHoCSdsYUTmrKbEGRXuSN1vNwc41"
    "ifPj/fIqDnZ1Y7jmOS6ZY/snBzE6tHN/HzRpv79/h4iNVPTASq3R8/QUb7nOW33Ss31k4S"
    "dsowlxZ3l28TqnrmIij700wCzeTrP4islCJtwEFXS/671gIwfx+k3IXSBevw02++9MsddW"
    "jKgWS+cbeXdlpOoqQSOmYa3bPowJded0mu191KqEjCTXdBaxSwuPCf1TUTu5dSp1NWrVUq"
    "6ql8Se3wpKydqKBl97BcpGuC7LFQ4legrqzX3/7s/uQxFE+kQ14xLif/okiP+tE///7VEG"
    "GW5OVGMhA+IkXTIR1WZLd+jeoLm5biFCTKxaRRkQK7IUrhNK1xSw4ZrfrMz36fLyPCHufT"
    "pLpzjcfv00ut7Z43IeHWS4Bb4g0K1kGLB1QnfspSMSDG+DNXttb2vsPS6EfpIOGFBfKoJd"
    "T4U0extZUD0HwS73IuQs8RpQ7V6qQRrY5GPdJg/Nqud3juaUaAhe0vo02YC8gsfGQpzmPa"
    "NBQR8ctHPn/by7u3vnHe0fDe68Y33w8R0idChaqIaOePPuEzp66ln0m2Uu+/SL69l0BD3g"
    "H+8zlwz+oc1U6yGvGccGL1zF2xN6l4KFEXZzXVWoAT2wtXpgcdvPl0sQbUPzz9716MvtxW"
    "fl8uL8Hyco9uXOuh6Nb68vFP8YOxf7emeN/jj9bXjx6+gEhZ/Sz2EVj1L9dYm2r2qUFNP+"
    "55YqDiPOluDjnTW8urq+9EtFBZ8YE/82Og0G+p/urNPhxeno/JwdjD5G7L757ezqarTid/"
    "A9thxOR349qtQBNoItjbOLX8OFRD+GR30C/1N4TPkyPDtfnQi+rpbW6l7SR2SW2qCK83JQ"
    "7LwcZJyXRS33ios5dKrl3qbrOEBpq1bl+vgSkUx6Q5oSFGD5DBPPtrGl5ZipS3olxmja/J"
    "aTDFLZr7DN7xfu8vvZTZ7pAApVmm0jzxNY1vkzTVlLPFCrwK5ffgtQY7ollZ8fFCqyTaRw"
    "z5mhe/jXH5EVarcyKz6PtnuY17/mI9zWWPVlc3SPB/Wve4u4QhXxwvEgyENBts2wYtsckx"
    "D0+SbYnLJuC/igk4SgBUprgdx3IYx/nArAr8sHzVGtwV16Gc6zZUyo6iyNr76CMnh5u0wN"
    "yFYMxt1WYFPb6holBmuIFo98y90PGW/AW18U65xBtYrXXiDsuXdDEL27JaJscB1EpohY2P"
    "eQIzYLqxeoxp3sv6ApS5K0It94n9cTDAIikIPpH4NCiFU9665v+mJVXPQxmMAZ31pnfHFQ"
    "dhkPuhqXvfGiPuDvaQETJhQiRbOxbkiVFiuYoDOFfzbMj4lqMmFThhMZUuCBHA8iy7dsOH"
    "bBBFB3T5YjSWlKiBcZUnhZrGkWYjK0pG0oRgpsqMtAtFrhNdgyErHbW8aNqgaNzJZQwVy0"
    "Wr91meI6ZsBIg5x54IXtRk1aRHxjaI4lJLKSFltA+C/bRKvzWCJ82JI8GeaPfywMGztRB/"
    "R4R3SwOLTS4iAeh7Fm1EXLmJCMrBtUCa0bFMfWDd5ksP7ViEfCK1fDf3wdXYxPUOrAnXU1"
    "PPtMD9O/d1YU8x4F3n8enZ99G12zY9HHO+v08uvV+YhH9kcf80P70wbX1wqW50ag9TiemW"
    "SD0TfX/No3/NIfLgJnusg6YDQniP1lHL8enw3PGdP5hzvry+05/cr+yvCr/pg0iCxuOrLY"
    "8SYucVVTxniUpQUFTVpPdmbGYsEiJmUYkaEFRkgz4ol4GpWuFd1weKdnGYYUzwGMkWbMgr"
    "DrK1TDES2cnSQEFqzLgnUejcIpgC3SbJF+g8PruxmfKNtq1neMJmcB5qztIJVlSz49MGQN"
    "b6mLbYtuPbon5bbOpweGyDtLdd3GjlBee4xk84ntr5MW0UgKu2E9EUPLcRGVlBRYkawFfc"
    "viBDaNPGTbbSzbLuZ1ygBenoaVpIQ0rHanYUFS5VtgMyRVvgk2s5KEEjyOkdXA4O2RUbaO"
    "v9xtIPUYJymBy23mso5N4wnbUnxO0wKn28xpjcwXLFhOSv5K0QKnW81pZo40TTlOp2iB02"
    "3m9Kt0M2ubUN2KkPn8HlyQ+F+tEZdY0n+qzHsNqf8dgjxpWHvClrsmSDx+fcQm6ipKNRSR"
    "6GL+RUrbX87XX0tX/ixdBcmP/V0TIz+It6sQMdtADQvpJpimSzA1np3kb+JFKUrRFv9Cnp"
    "Kyeqm8XKXl0sL0x6mWY/Ay42TKiqL4hVN2iI1YNRVu26cn352g55nq9tHUJnP6EduUlPgf"
    "+miypJ/IvM++W9kCLQ1ep0peVbxSFBRnaW2qFAcwg39xskA4vouJArUnSrHHac3cmdQULa"
    "4JDBlT/gNF1uR4YoI2P2bAcF/11lxiK+t0nErO0GqWn97ejC+/jq4pF4JPlLHj4ZcvlK3s"
    "H/32j5vx6Cv9yv/LsKj+rDgfYOGiJjEqqCojGygJMWMbixkTd21AVMkWeDSgTnR7fBpQJ7"
    "qaV6NCnehXrElTVKE3YbJ+yeYjUJh36JfEVR00Id7DzD1BjqUunBnxK+eyOrgaVdBN8oBU"
    "l36lf+aE2fJ4E1tmqXGoIInZWKxqMxRYnul/281ppNv01UTNP3RD5DYoMAK11AgUMSjDg5"
    "Ks1BVJl14vg72DjwfH+0cHEQOiI2W452TFS5a1rKGaZUuh3XTqtU10TxNnQJIOGCCfZG24"
    "edUSS2zLIUGbTSCSxuXB7m4Vw9PubrHliZ3L32OEkc4QAuLVEHcePRGcg+EdRLf+Vn6E35"
    "FQRm2MBFpFl5uTJLI9WWcPZWEbcoXS86jhZSr9MoUmGlAu5i2zICwQtkZtMWBDbfWs5MtY"
    "AROgnUwHWbKdHWU6x4aozNE6JZKAEbVtURPVMaTeFvn0wBBphoATGZzIbWHCRpzIuX2toD"
    "fu6+RahElOOT73WP5Tscc9nmpVwd3Omsz6L/PIeR1Pf1BdpKKFTZ4MngzBilT6mQ/MNR5e"
    "CjmmoWFErHc5HvYGLiDkVP9XcYsacLG308UerAYR70GcpoMuhAa6X8xUy8KmCMYxEoC4As"
    "T0UjpWxBsspemgzVIK6mz2kDqXLRmfpgTRXVpvgoY6jTfUKcmWKvCqb0V6VGu2bD8FX7a+"
    "fpoW+l1Lh6NxYU7hOdkqDxzItce8LA/mTNHivNDWBJhopkH1LmWh2upcKMwkQwg1xOWjSq"
    "CwtQwrti5pCQpbvwk2Q2HrN8Fm8B6B96gtTNiw92izBczaKRxu1lkUgJXjK1rBWOwqivHr"
    "ZU/RV2LhJXogFAPEbp5VveL5kZ7jkjm26Reb5VAiOg4FpuITPoJiwbw+U8N23D47YvnOnU"
    "BF+8lBVEV7xnbWebSha67jTwqPxDynUMKrta6loL26uE0+QwhG+ReN8uBiar5aT2LXEdpY"
    "MqRQt0fWXgnepxYwAbxP4H3a8t3cxqqTV1miTCwJKTpQAywJ73GVlOTj4ozk40xCcuQTCo"
    "Q5SY9SghqcSRWcSWDffguGT7Bvvwk2R2EO4nxOkUJzqDbzGfwYrxkB4we+ixdkStCBRg9+"
    "pLb5kXJWeQ3AVu8M1LLlXRXZ5IPdqjKhUTOdHC9UvNFOsR8q0dXnRU9UMbbifhxNtW3Dfy"
    "TZRR/pdKGNH1w47XThxFhW2cy3IgE7VLXElcSjIAB1DmkHIa/fRrJeH5TXsLP2gt4kgtbA"
    "Xra3ydmFMr4eXtycjU/Q6nPU8+Ts4teo6Qn9XNQL5er68tM566YRfLizrkfj2+sLNiz81G"
    "vF4wX2sJfEoU4o0GAPexNsBjsJ6OltYcKG4z3r6A8daoidaxG9CZW7sCVrBtWXlW+Zxqxc"
    "1Ef+64pX9UDhbGhnapgm1llHVBZ4GQ0O3ah9RFcGtnMqhtQ8dxWjQISB/0hAbZDWav/Qt6"
    "uTQtT2qb/ijAXNNwFIhtfFfQ5TZB0IdSp7dptod5h6wVV/e6UIQVWpS1VxYp6RNbWVuJNl"
    "y1hRVWFJLcNW+b/+RjxW3W5kufYyTxZPnC8VxalM+0D1Mvo7baNqvzwmLc/JEw4L6z2ppo"
    "dPeGs69pKm4DvI8eYsc+r/sE3QAtuI9Zv4BT3bhutiCxG6uPrIouK/zXOo6I/MF8qbuUwV"
    "+VxTPYc/APwDJFi1Vz6n6td8QVwWVK88YqFg/BzSziVZ7Q2Oq8hUg+NioYqdS77cp/T62F"
    "7YRt7bpBjvFFmbRefWuOmijai66zkg6CC8DWQMhtu70A4ep4KQN9mQwzmeE5GVHY7vgDa2"
    "gWZ4VIYjtvJoWEI5J0mqDm4hDWTEcsiEk2FjVLCFSKdgQmBDV421GUtGFf9gqBmu5yG88m"
    "fZXqZv1jd4zo0IQ01jmeW9HHtEckC/gkFC9cdWbSmAfDIUkJ0gNSrYwuquOA52EbGZQ2/p"
    "uHgejuujZ8OdId4H0EGaqs3CVgBxK0NOh4Hmr5djo/jeC68RvDY0Cp9vloiZLsBK0UorRb"
    "ACRC0UKbLOWSca0JfZQyGAcDi+g6Ju/doys6+KgBuO7yC4VaxqxTa1jEVtO1sUdqsIuI4n"
    "ch07U4SAv7QyJ9ky9fV6pXaOA6BOd1OdThauSugRAs9ZkhDsVjWFZoS4ZrkhHJpx61SKI2"
    "8ZF6pGZaQW4BqR5GApegVLUQhXjo0ohuSL1qE47yo1nPSLHnILC9ZZxAir3hvo1iymm31l"
    "MTDLPlItnYd4B2d/clAgX6P/pWsP8RqWyHBz2042dJkq8Sp82ijJPDQb+E9JlHqefHggpq"
    "W11iJ4Qb+2JAwFVlvAhNCy4RcOXsM0kpoAWCL/XCTeLCLu7jgdMECaAdGLXgj+OBWAX5fa"
    "hsMA6zV1tnS89pbxoqryFl+EFWp1qSt/8Zr4ZvzPHQU4ucm2KmVhTBa3i16O3uef6JdpfS"
    "5ZKN5CqGnMQjV01pGFJD3zn4bnw4vTUdTERY0SeNHOnXe4d3BI/+7ua+9OuK4WlEBDquvi"
    "+cL1vffMVU+eLcR7ZiO/6FBRH5lN38addWcNkWNMTJacTKZcxeSp985P6P4+mMi5v0d09c"
    "94NxuVqq3IJs9stOGyVjbEwXfWBJuETsHu3PJnQDsqsoj1njEWTf1HED3i5eoayPZM7CAT"
    "MxLrHVdy7yyVTrJ47y3QTHXYBPgDGvsp1NF9s1gIyyIummPMbwEb9Bh9qu3gx1717yx61M"
    "H+13HlEAkb0yGO7z9PR0pkBq+SOmPNLEFFbqeKHD4xIu7oOE0HXdIN1I2CfjobqHynY7my"
    "dwm6zoUG1R+9AjadFuiv0DQHmuZs+ZYd9WWh17Qcqo3Q+5Nt7ZKdAvq7VAjyNA2Wmr9QbX"
    "Wes9JZZ/uCnSRNmI5UMTQX/ReZhrOFnpISlBkibObiEh/pah79ZNgJmyBd4iOuXAms/RRZ"
    "B7ec+hd8iJlk4nUBOUBfAfqYLSCDeHlMXJISYuLaHRMHoY9vgc1QIvlNsPlVA2jaxthW+E"
    "o3H+LaNjZsKsa1STfeN+Jpvq8l48gLT/XLXHlP/qDKeb3BeOYWO8B4/877eU/fu/MOB/vH"
    "72I+NTQj9O5PkEPxNzHy2GSqXzEMkekUPRCiO8iwuNfM0ciCnud5tyqaG5Yx9+bIWWArpw"
    "rZ5m+B+fDu732TzP09L4HmIGKZSxZBShePbjB4VBPdXrGt1kE79/fPqklXyIcQ3fv7dydo"
    "+G14dj78dD5Cd95g7+cBomtndP1t9BntBKGo3GnXZ1cLq3NTwnD07Q0d+TzD7IaR4XBX5i"
    "+IrSLmFFxNzoe4M9UNfIAGd+ZpmJVL7qNABO6zbGjDubOiU+xA2JyRzkFM/AENrdi8IewL"
    "1XHR/T0F0tAVz3INk3kvsaqzPGs0+uPq7Hr0uXpZt1yPH4+OXbVpAo9fKz1+r5vZ2yLPyK"
    "BataCSYkFpHZdvUzKOkRQhiEvSfhGKocJfADJsyCGGFEg5PvgvGvZmFlUQk5SgILZaQYzJ"
    "E3J8jkiB0a1mNBe1hcvgJak6aCev3yvqQ2boQv64BNFavjgpuHt/oRoId76iiWeYrmE5H9"
    "j1/trb/JPViIsOYgEaXvWv1IutZZ7n1xHVDMfxsK5MloqNNQqpMBsKJgCOSAd3gRPtLchU"
    "4ER7E2wGJxo40drGhi440f5uuDOd3q1q9nL8aLGz/TJX2nM0rrI3LZaCFkSEMV+Oqz6yTj"
    "ssX414LvNzHe3ru3fex/3J7rsTv0qJX9hkRn8e4oYPlpw1nSIda4aOo2ImC3XJZnCw65o4"
    "t27uhu+A+dJYsll4LZauZjjIX8y8Y1B4Q33ksCQ9G7v2EvHUN78EC530zgrI6U3HOsYgX2"
    "YMXFw6vR/DNOmNOM8soc2d0evY5LmZTLWwostKWQO/VWv9VqCDN92AAfJ6Xl/1m2IpB2KC"
    "DOCXht9/8clwIE0JTJB/BmwyV9ao5JxPDwxZjyE2nlCcFPnqwmWzgJtdcr+C9P0NJCqqSy"
    "wUMhURdBHeJhphQgocpMB1H/pARLSEujUmiDoXg1l/dYoAL8E88jgRZI6/vJQt4gq9EcPx"
    "0HO0Ss/RqWqYni0EcIwEMK6CsW/x5lELonbdDClEOkCkA7jAS1zg4RMjzuYkZQ1sbtlj1y"
    "Uu++5CGS4nKYHLbeYyhLNAOEvb2NCFcJZLz52QH6MnnN/8OX66XxbQQvhABbOR1UJaimGu"
    "kgu88Cam4cyi3RtCKFobQsHXhKBpJE4D5qcXzU8uWRiaCL4RAZhQK9id1AcqyjwwDyLHSQ"
    "DnLGUHAW+g2G8Em3CrmhQlyHvyVhLoY/bafnZ1aRI1B/3inMwYyeYzMl9Hl20k9xJMhDKs"
    "2DqzQlqNEGF0mhYMSG3jdMZ68To69tkq7+B3vOzlqNmpEf0yTTuWxcBCUBpQtr/3PGdlrV"
    "iwBRv0Uc7Pb4CGOy2RHIp18BhDq7MgRgRitLQQl3iAquqNCaIOqoz16+iCQXwQvFcdWsmg"
    "PQjWE4eaJY8VGJhGljfP+FMymWettzHRHVK5ur789Xp0c3OCYl/urM9U9DtBnwMB8PUjsK"
    "lMw35RhhvF2veKAlqTgO4NGlmp7g29OTrL5pYo3kNsG9qsl6NwB2f6ZYq2uhrTpC9bSGN+"
    "K+ryYO/g48Hx/tFBpJpFR8o0spcV4SdsO4K6WIykzYKVbJjz4WGVMOfDw+IwZ3Yu5b9bLI"
    "S8pP7wDqK7VymIfK8kiHwvG0ROr+jiPF2spHXeigTcQoKi6au+zP78f0PjLSQ="
)
