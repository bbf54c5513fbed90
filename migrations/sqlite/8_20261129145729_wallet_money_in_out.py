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
    "eJztXelT40iW/1cy/KWrIlwVYI5imI2NcFGubropYMH0HMWEkKU01iIr3Tqg2Jn+3zdTl5"
    "W6UKYkI4v3BWwpX0r+vVTq3e/fgyXRsel8HOu6jR1ncIz+PbDUJaYf0qeGaKCuVusT7ICr"
    "zkx/rBoMwsGwmePaqubSE3PVdDA9pGNHs42VaxCLHrU802QHiUYHGtb9+pBnGX94WHHJPX"
    "YX2KYnvv+LHjYsHf/A7Pa+fx94DrYVQ2dXMhxFx3PVM93Bv9i41YMyN7Cpc78jGOofV9zn"
    "lX/ss3F/arlf/bHsTmaKRkxvaa3Hr57dBbFiAsNy2dF7bGFbdTG7gmt77KexOw9hiH5t8C"
    "vWQ4LbT9BEN72GYqasjw0U5fxiqlxPpooyEABPIxYDnt5qwMh7dgsf/jIa7e19Gu3sHR4d"
    "7H/6dHC0c0TH+vebPfXpz+Bm1mgFU/mYnf58ej5lN0QodwO+swN/+jSqqwZUPpfW6NtYM1"
    "YGDuDjmXCyUO18FnBEKU7Qn5jmRIR7GSuiA2terNfmJpixVH8oJrbu3QX9erhfgvPv46uT"
    "X8ZX7w733/Ngn4dnRv4pBvsa5hWFCItAHBP0EN7RTgV4RzuF8LJTKXht8mhYmhjCCZoegr"
    "w3qgDy3qgQZHaKB1kz3GcRgKPxAG4FcHWD3YAmtA0naTYH8mCwpRDTa2EsBPCaoodreLRT"
    "bRsu24ezGzFxXNWkEOpiezFP1rvFvFsF6t1ipHczQCdE66z0TIiJVatAfOYIU0jPKGVbUM"
    "dHWkC7TCy+uDhjMy8d5w/TP3CaEpLPb759nlD4ffTpIMPlZOfEC9DGDBNFzcH8Cz3jGktc"
    "8CrkKFOg6yHpx+jDFm4tJQyYnn6bXE/H3y45LnwZTyfszMg/+pw6+u4w9SjEk6C/nU5/Qe"
    "wr+ufF+cSHk24e97Z/xfW46T8H7J5UzyWKRZ4UqgEnMIkOR4c4NnsrXZLNPCWwudtsXtsp"
    "qhsfEkQvWyC2gKGbM0Iw+8/8IdcGwUDNsuErsbFxb/2Gn31WnNL7VvPVtdASdhNOs2Us+D"
    "NaY9HRQWyHstWn2GCWXHr0t9NfjIP31Mn4+mT8ZTLwEZ6p2sOTausKBzU7Q0YkdSQemz21"
    "HC3TR1RLvffBYb+C3XOI+hWe04dyMSUP2Brk2Ce588MyI6UdjFRcNrSapXIwRiEV8qmGyH"
    "HpstERscxnpDrIcB10/cv4w+jg8K/IJi5bFvSkRqdyF9hCD3jlUlKkUzA1l05GUf44SPGt"
    "vatUsac62HHor2WsByNqN42o/qpQFqqzEFF6eKpmdJ7XZUbLRlTDcTwpuYwjBLGs02JZuH"
    "1KcJmnbIDN4bMDXG6ey4mXmtB7i6cDEbwpETzEtQEp/Ho905Yxoqogzq/BLsniEfY5YniC"
    "LcUSePjLKsreFxZGDl0bWP9gWFS2fTQ0fIxUOnxpULmYzANRmELOi89OVsCuN5VgVIKNHy"
    "mt/54AgbqbAjVYWt+EFGCqjqvQJ1OG0WlaYHWnWY1/rAw6nQSjeUpgc6fZ7L9mqXAiFk/G"
    "U/XO+7tXydO+V+Jp38t62jWTBeApxkoEaI6odzjvH1SAef+gEGV2igc5ISoK7lo8JRgjur"
    "xpRbyioqOTpwOXBcKmKaUeqo7xtu1ALPC8dsXsA57Xlj2vyU0m7d1Mrf2Q/utvV9hUXSN3"
    "OynwqfYE9z/btI35azTHMBat3WKrGGN/+4kzYInqpCUKL1XDFBEJYoJGJIEO+XNHB1Ucun"
    "RUcbzwQcaluyQzwxQKFV5T9A7gxtNi/P8C2Ebje6cZ7lbSwHdLNPDdnFh31XGeCH0viQZ+"
    "ZAghu6BidoH6vGT2ixrIF0zQP7WtFQYYjkLlH+MxZ1d5KelgTbfBnINoM9/alAMKHFW+5n"
    "NxvGMySPEQxNtbYTtfMX4R8yQp4C6AO8VtaayDD3jYf72+OC/Yz3mytJnV0Fz0H2QaTmsG"
    "osF/zT1LY5iimWeYrmE5H9n1/rstuaaEHQwmjh3RVv7u2/jv6V3+5Ozic9qWyib4nGLME9"
    "YWqquQFbbyFNHiV22GsG/ievPxrRD1ILPst87dAPllb4LNgZ1Yhs08JfgOu8bljEOliv2f"
    "K8Ekb/pPlHvazmc7a/XPiQuvCVL/YpA5kNS5i23FUc3ai4lNdK2aW/yqKEeK2Hrou5EH6Y"
    "LN0VeATKzfs9grTSMeo6uF1Jk/2TiYa2tfS+WAuWSleKuaQE3J6mbV1yX1ZLgL3VafVLMm"
    "Sn+LJ+oTVG36uMeebrhXWKPb3iCvVGTi9LC0XCQbqNj+yE2UjKQzEz/Cgp75Tm/DpmMhN6"
    "OjHnFxfQbU1Y4qMpxQ6T+DDxRJESsfT9VDP+buYRXHcZpxCb/xYdrKF292QntYkkoq/rFj"
    "wtYm9zIO+9ws19IFni+k9GFxN2/CDt/dAgCvKXoI8O7oqMr2MToq3j/YOR5jQid6VE0vxw"
    "lf7CnjiGr5yTq2kWzaIWbhJ3H0OSJAXx59mRSNWqkZXY5qO6gU4nNQEuJzkA3xsTH9nY6b"
    "K6CUoZyk6h3SLfh6IX2vnfQ9AedMq6U4VEufkR8nJtEeBnn1OJLnh6VFOYKRihYPrVAVz6"
    "GwmxjZ5Am9M3S0+/4YLejnuWqzinQonBP5cyLbsxykLrCq+5U2sGoiXzMfpJjY5LwNJ0S8"
    "FdvPaHf/0/7R3uF+rCbFR8q0o5etOmQ+dzArqCCmlnJkm8vL22kX5Q1rpQxBcavamgosa5"
    "22rDFGzZ4lSp0lyMDkUyvj9XVkgBPKmntiP+e9/+Nzpe9+LRhlbKRx10q1fekS6sy+7ouh"
    "+CXd/XyuzVnW2sjockzvXgTfaHzvave2lC/nCiZrua1mx71mKm0VVZeOKkmlzdSqoWKLke"
    "/dKNydkyS9Ed5rqkgQjv/GxPO12CMk2XBkIJ7XEs/TzMhyQrgkTVK+3i4+VK1Kwy1Ari7N"
    "FX0mrk5PptUK02gLw9RtnPPeEAnW6x/e/CZhE93T6gbIXgaz9AijNtXnCK0c7TkBZLHynO"
    "RZy6oz3Y3cwAaaePX7wYzrM0vDUla2oWGFfiJ2+rQfzq8EodP+qVD3jyxA4UhQzbupmoPq"
    "GAfMVVIdD0tUx8OM6ugarliVoJigh6aPVip7JO8sg/MU/yjYRFJkPfBJl6k2k79POa0mE9"
    "ESazZnF+c/R8PTYS7prsTRGyC7tieWt8zIu/w2ElNvEPovV+OvU0H8A6Jj5P+7tcYn09Pf"
    "J8co+E+/Uxzphy/0SPgp7Xx+pWBdl15/5rl5mXbF4V48FVSlKH9oJMLAjCUVGYVYsqYAdj"
    "TOjrRoKySH5hD3xha54UACthnK8yFLDHyQDOhI6HJCPEgRAv6yATWqrS2UAq2hWJpN04E4"
    "Ky7OBhDOiP4sgXxEBsALAw/eKilWbJu3CopHvQk2p4y/1SWIFCE4JhtyTGoJ/xa4Jl9wTa"
    "YWYQ3n5KNqG2rtwjS/B7Ns7562WcdbBFeO4y2BZLHjLcm0SskqOMAfXf928xHd3Tku0R7u"
    "7pBh+Ukl48tTZDj0OGXsQrV09AHRnRbbj1i/u8tNUqk7X6Vo2cC7GO2zUSQV+Oc66p978I"
    "Tcc8Hw3nnnWsj4B9dcy6454t+UkLU7QQLm7sbN3dIm1lczr/Zke0+I42TJ4t+oMivDhzxq"
    "0JTkeeFIcsEB/BvAPxRjxcBPEIGXQQ73SGkQAz5JBcjLIQ+pLpDqsqk9vU9WZXAevAk286"
    "YpEfWEM2mBdtJUUtM6W6Gm66B6AknXGFE5q4lbg6Ltttut5mDnmsT948PyKg52dWO45jku"
    "WWL7JwcxOvTu7i7sP3539x4RG6nonpVao+fpKb+buN/Fkp4dIgs/YhvNiLvIs4s3OXUVE3"
    "nipQFm8W6axddMFjLhclTQ2G3wgo0cxOs3IXeBeP022By8M8VeWwmiRiydb+TdlZGqqwSN"
    "mIZVtzMWE+rO6DTb+6hVCRnh13QWsQsLTwn9U1E7uXEqNcrq1FKuqpcknt8KSkltRcNfew"
    "XKRrQuyxUOJX4Kms19/x7MHkARRvrENeM48T99EsT/zon/f3iUQYabE9VYyIAkSZ9MRI3Z"
    "0h26N2hurluorH18kmyDreOjNb+1neNBt5JhwNYJ3YmXjkgwvA3W7Nre1sR7XAh9ng4Y0F"
    "wqgt1MhTR7G1lQPQfBLvci5CzxBlDtX6pBGlj+se6Sh2bdzjpHc+J6XZe0PuV7a1fw2FjI"
    "p/nAaFDYBwe9u/X+srOzc+sd7h2Obr0jffTpPSJ0KFqpho78vtTHdPTcs+g3y3we0i+uZ9"
    "MR9EBwfMhcMviHtlCt+7xmHBu8cBVvT+RdChdG1M11XaEG9MDO6oHFbT9fLkG0Dc0/B1eT"
    "rzfnX5SL87N/HKPEl1vrajK9uTpXgmPsXOLrrTX5+8kv4/OfJ8co+pR+Dqt4lJqvS7R9Va"
    "OkmPY/N1RxmPhsCT/eWuPLy6uLoFRU+Ikx8dfJSTgw+HRrnYzPTyZnZ+xg/DFm9/Uvp5eX"
    "kzW/w++J5XAyCepRpQ6wEWxpnJ7/HC0k+jE6GhAEn6Jjytfx6dn6RPh1vbTW95I+IrPURl"
    "Wcl6Ni5+Uo47wsarlXXMyhVy33Nl3HAUpbdSrXJ5CIZNIb0pSgAMtnmHi2jS0tx0xd0isx"
    "QdPlt5xkkMpehW1+r3CX38tu8kwHUKjSbBt5nsCyzp9pykbigToFdvPyW4ga0y2p/HyvUJ"
    "FtJoV7zgz9w7/5iKxIu5VZ8Xm0/cO8+TUf41Zj1ZfN0T8eNL/uLeIKVcSLxoMgDwXZNsOK"
    "bXNMQtDnm2Bzyrot4IPmCUELlNYCfd+FMP5JKgC/KR+0j2oD7tKLaJ4tY0JVZ2ly9RWUwc"
    "vbZRpAtmIw7rYCm9pWa5QYbCBaPPYt9z9kvAVvfVGscwbVKl57gbDnwTVB9O6eEWWD6yAy"
    "R8TCgYccsVlYvUA16WT/K5qzJEkr9o0P/XqCYUAEcjD9Y1AIsapn3fVtX6yKiz4BEzjjO+"
    "uMLw7KLuNBX+OyN17UB/w9r86E2MonG3paMAHUGJPlCP/mEOJFhhQejJoqMJMXJPXgBCmw"
    "oSlleL3CG9DbuDjVLeNGVeUtsyVUUI3X67cps0PPlLU0yJkHXlhHblP7Cww/OVpfbBEq1v"
    "b8X7aJts6JpN+o/TIf0ox/rAwbO3G352T3Z9CuOqldifuca3qYO8YEPopoVCWMaFQcRzR6"
    "k4HJlxM/6le5HP/j2+R8eoxSB26ty/HpF3qY/r214vjeOMj4y+Ts9PfJFTsWf7y1Ti6+XZ"
    "5N/Cjm+GN+GHPauPRagcG+wluP45lJNhhpcOVf+9q/9Mfz0HEosg4YzTFifxnHr6an4zPG"
    "dP/DrfX15ox+ZX9l+NV8/A1EUbYdRel4M5e4qiljPsrSgoImrSc7C2O1YtFhMozI0AIjpB"
    "nxSDyNSteKbjh+V1sZhhTPAYyRZsyKsOsrVMMRLRLMEwIL6rKgzqNROAWwRZot0m9weH03"
    "54SbUYgUzca64fpbjZxDrngWYI40c2aqyTQ5abbk0wNDanhLXWxbdOvRPamuZPn0wBB5Z6"
    "mu29gRyuFNkGw+ifd1QsBbSdc1rEdiaDkuopL06TVJLeg7FiewaeQhs2hjmUUJr1MG8PKU"
    "E54SUk66nXICCWRvgc2QQPYm2MzKr0nwOEHWAIO3R0bZOv76bgOpx5inBC53mcs6No1HbE"
    "vxOU0LnO4yp1mPcBYsJyV/pWiB053mNDNHmqYcp1O0wOkuc/pVOjd1TajuRMh8fr8hSHKu"
    "1nRILME5VdK6gTTnHkHOG9YeseXWBMmPX5+wifqKUgMJ833Mv0hp+8/L+mvpMpilryAFsb"
    "81MQqCePsKEbMNNLCQrsNp+gRT69lJwSZelKIUb/Ev5Ckp65fKyxUpLixMf5xqOYZfUpnM"
    "WQGIoEjEO2IjVjnCt+3Tk++P0dNCdYdobpMl/YhtSkqCD0M0e6afyHLIvlvZYhQtXqdKXl"
    "WyKg4UouhsqpQPYAb/krbg4fg+Jgo0nijFHqeauTOpKTpc/xQypoIHitTkODdBlx8zYHig"
    "emsusZU63XX4GTrN8pOb6+nFt8kV5UL4iTJ2Ov76lbKV/aPf/nE9nXyjX/3/MixqPisuAF"
    "i4qEmCCqrKyAZKQszYxmLGxF0bEFWyBR4NqInbHZ8G1MSt5tWoUBP3FWvSFFUj5UzWL9l8"
    "BIqQjoPyn6qDZsS7X7jHyLHUlbMgQZVQVvNTowq6Se6R6tKv9M+SMFue37CTWWocKkhiNh"
    "ar2gKFlmf633Zzmoa2fTVR8w/dEH0bFBiBOmoEihmU4UFJVuqapE+vl9Hu/qf9o73D/ZgB"
    "8ZEy3KGjekcWeWJR20T3NHEG8HTAAPkka8PNq5ZYYluOCLpsApE0Lo92dqoYnnZ2ii1P7F"
    "z+HiOMdIYQEK+GuPPgieAcDu8hus23LSP+HQll1CZIoC1uuTlJItuTdTFQVrahSWWc51HD"
    "y1T6ZQoNA6BczFtmQVQgrEZtMWBDY/Ws5MtYAROaLp1Uu2oSsKS5gkk1aiUBGxosk1SnRB"
    "IworEtaqY6htTbIp8eGCLNEHAigxO5K0zYiBM5t68V9AF9nVyLKMkpx+eeyH8q9rgnU60q"
    "uNtZQ83gZR47r5PpD6qLVLSyyaPhJ0OwIpVB5gNzjUeXQo5paBgR632Oh72FCwg51f9V3K"
    "IGXOzddLGHq0HEe5Ck6aELoYXuFwvVsrApgnGCBCCuADG9lI4V8QZLaTpos5SCOps9pC5l"
    "S8anKUF0l9aboKFO6w11SrKlCrzqW5Ee1ZktO0jBl62vn6bd3F6y06uNJBLmFD8nW/UDB3"
    "LtMS/LgzlTdDgvtDMBJpppUL1LWam2uhQKM8kQQg1x+agSKGwtw4qtS1qCwtZvgs1Q2PpN"
    "sBm8R+A96goTNuw92mwBs24Kh5t1FoVg5fiK1jAWu4oS/HrZU/SNWPgZ3ROKAWI3z6pe+f"
    "mRnuOSJbbpF5vlUCI6DoWm4mN/BMWCeX3mhu24Q3bECpw7oYr2k4OoivaE7azzaEPXrONP"
    "io4kPKdQwquzrqWwvbq4TT5DCEb5F43y4GJqv1oPt+sIbSwZUqjbI2uvBO9TB5gA3ifwPm"
    "35bm5j1cmrLFEmlkQUPagBxsN7VCUl+ag4I/kok5Ac+4RCYU7So8RRgzOpgjMJ7NtvwfAJ"
    "9u03weY4zEGczylSaA7VZT6DH+M1I2CCwHfxgkwcHWj04Efqmh8pZ5U3AGz1zkAdW95Vke"
    "Uf7E6VCY2b6eR4oZKNdor9UFxXnxc9UcXYivtxNNW2jeCRZBd9oNNFNn5w4XTThZNgWWUz"
    "35oE7FDVEle4R0EA6hzSHkLevI2kXh+U17CzDsLeJILWwEG2t8npuTK9Gp9fn06P0fpz3P"
    "Pk9PznuOkJ/VzUC+Xy6uLzGeumEX64ta4m05urczYs+jToxOMF9rCXxKFeKNBgD3sTbAY7"
    "CejpXWHChuM9m+gPHWmIvWsRvQmVu7AlawbVl5VvmcasvqiPgteVX9UDRbOhd3PDNLHOOq"
    "KywMt4cORGHSK6MrCdUzGk4bmrGAViDIJHAmqDdFb7h75dvRSitk/9FWcsaL4cIBleF/c5"
    "TJH1INSp7Nlto91h6gVX/e2VIgRVpSlVxUl4RmpqK0kny5axoqrCklqGnfJ//Uo8Vt1uYr"
    "n2c54szp0vFcWpTHtP9TL6O22jar88Ji0vySOOCus9qqaHj/3WdOwlTcF3kOMtWebU/2Gb"
    "oBW2Ees38Vf0ZBuuiy1E6OIaIouK/7afQ0V/ZL5Q3s5lqsjnmuo5/gPgf4AEq+7K51T9Wq"
    "6Iy4LqlQcsFIyfQ9q7JKvd0VEVmWp0VCxUsXP8y31Or4/tlW3kvU2K8U6RdVl07oybLt6I"
    "qrueQ4IewttCxmC0vQvt4EkqCHmTDTlc4iURWdnR+B5oYxtohkdlOGIrD4YllHPCU/VwC2"
    "khI9aHTDgZNkEFW4h0CiYENvTVWJuxZFTxD0aaYT0P4WUwy/YyfbO+wTPfiDDWNJZZPsix"
    "R/ADhhUMEmowtmpLARSQoZDsGKlxwRZWd8VxsIuIzRx6z46Ll9G4IXoy3AXy+wA6SFO1Rd"
    "QKIGllyOkw0P71cmwU3wfRNcLXhkbhC8wSCdMFWCk6aaUIV4CohSJF1jvrRAv6MnsoBBCO"
    "xvdQ1G1eW2b2VRFwo/E9BLeKVa3YppaxqG1ni8J+FQHX8UyuY2eKEPCXVuYkW6a+Xq/U3n"
    "EA1Ol+qtN84SpOjxB4znhCsFs1FJoR4ZrlhnBoxo1TKY68Y1yoGpWRWoA1IsnBUvQKlqII"
    "rhwbUQLJF61DSd5VajgZFD30LSxYZxEjrHpvqFuzmG72lcXAPA+Raul+iHd49icHhfI1+l"
    "+69pBfwxIZbm7byZYuUyVexZ82TjKPzAbBUxKnnvMPD8S0dNZaBC/o15aEocBqB5gQWTaC"
    "wsE1TCOpCYAl8s8F92YRcXcn6YAB0gyIX/RC8CepAPym1DYcBVjX1NnS8dpbxouqyltyEV"
    "ao1aWu/cU18c34n3sKML/JdiplYUpWN6tBjt4XnBiWaX0uWSneSqhpzEo1dNaRhfCe+c/j"
    "s/H5ySRu4qLGCbzo3a13sLt/QP/u7Gnvj31dLSyBhlTXxcuVG3jvmauePFnI75mNgqJDRX"
    "1kNn0bt9atNUaOMTNZcjKZ+yqmn3rv/ITu7sKJnLs7RFf/wu9mo1K1FdnkiY02XNbKhjj4"
    "1pphk9Ap2J1bwQzonYosYn1gjEXz4BFED/h5fQ1keyZ2kIkZifXeV3JvLZVOsvrgrdBCdd"
    "gE+COaBinU8X2zWAjLIi5aYuzfAjboMfpU2+GPvRzeWvSog4Ov08ohEjamQ5zAf56OlMgM"
    "Xid1JppZgorcTRU5emJE3NFJmh66pFuoGwX9dDZQ+U7HcmXvOLrehQY1H70CNp0O6K/QNA"
    "ea5mz5lh33ZaHXtByqjdD7k23tkp0C+rtUCPI0DZaav1JtdZmz0lln+4KdJE2YjlQxNBf9"
    "B5mGs4WekhKUGSJs5uISH+lqHkM+7IRNkC7xkVSuBNZ+iqyHW07zCz7CTDLxuoAcoK8Afc"
    "IWkEG8PCaOp4SYuG7HxEHo41tgM5RIfhNsftUAmq4xthO+0s2HuHaNDZuKcW3Tjfc3w13o"
    "9G5Vc5Djy0ucHZY59J7icZUTfBPes1CYZb4pV31gRcKYq414LnOeHe7pO7fep73ZzvvjIM"
    "AyiMlc0J+H6AfDZH6l+RzpWKMKeByHuVKf2QwOdl0T56b8bvgOmCuP+cmiazFPm+GgYDH7"
    "xc6iGxoih/kXbezaz8j32gXRo3TSWyskpzedKHZFx2rE1lEgoOr0fgzTpDfiPDFfnLug17"
    "HJUztOtigYdW1zgjjUzjrZwJTYdu0YcEm8vktijqXybjkygF8a/uDFJ8OBNCUwQf4ZsMlS"
    "qZGEnk8PDKnHEBvPKE6KfGJ02SyQJC25X0Hk0QZ8rOozFqrjEhP0Ed42aviC9w68d/2HPh"
    "QRLaFCsxwRBNalQM4G1oV4CYbAJIkg6OXlpWwRV+iNGI2HcslVyiXPVcP0bCGAEySAcRWM"
    "A4u3rszEExgzpJDaLh2BC5EOb8EFHj0x4mzmKRtgc8ceuz5xOXAXynCZpwQud5nLEM4C4S"
    "xdY0MfwlkuPHdGfhT2tE6eHpYFtBB/oEg/62KYq1T7Wnkz03AW8e4NIRSdDaHw14SgaSRJ"
    "A+anF81PLlkZmgi+MQGYUCvYndR7KsrcMw+ij5MAzlnKHgLeQp5yDJtwla0UJch7NfKUoQ"
    "Tjq8cFmUTNQb84vTNBUiuxs2uPwKYzO8FEKMOKrTMrpNUIEUanacGA1DVOZ6wXr6Njn67z"
    "Dn7Due3qUyOGZZp2qmV3C8r294HnrK0VK7ZgwxLw+fkNUCusI5JDsQ6eYGh1FiSIQIyWFu"
    "K4B6iq3sgR9VBlbF5HFwzig+C96tBKBu1BsJ441Cx5rMDANLG8Zcafksk867yNie6QyuXV"
    "xc9Xk+vrY5T4cmt9oaLfMfoSCoCvH4FNZRr2izLcKNa+1xRQVQl0b9DISnVvKCvUWzZ3RP"
    "EeY9vQFoMchTs8MyxTtNX1mDZ92UIa81tRl0e7+5/2j/YO92PVLD5SppG9rAg/YtsR1MUS"
    "JF0WrGTDnA8OqoQ5HxwUhzmzcyn/3Wol5CUNhvcQ3d1KQeS7JUHku9kgcnpFF+fpYiVVP9"
    "ck4BYSFE1f9WX25/8DrVkqPg=="
)
