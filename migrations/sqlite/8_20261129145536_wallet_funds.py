from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "vouchers" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(20) NOT NULL UNIQUE,
    "value_minor" BIGINT NOT NULL,
    "min_spend_minor" BIGINT NOT NULL,
    "valid_from" TIMESTAMP NOT NULL,
    "valid_until" TIMESTAMP NOT NULL,
    "scope_kind" VARCHAR(16) NOT NULL,
    "scope_ids" JSON NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "order_id" BIGINT,
    "issued_by_record_id" BIGINT,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "customer_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT,
    -- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
    CONSTRAINT "vouchers_amounts_valid" CHECK (value_minor > 0 AND min_spend_minor >= 0)
) /* A voucher (代金券) a customer holds: single use, a value off goods in its scope, from a minimum spend. */;
CREATE INDEX IF NOT EXISTS "idx_vouchers_custome_739f42" ON "vouchers" ("customer_id", "status");
CREATE INDEX IF NOT EXISTS "idx_vouchers_order_i_cddf97" ON "vouchers" ("order_id");
        ALTER TABLE "after_sale_lines" ADD "balance_minor" BIGINT NOT NULL DEFAULT 0;
        ALTER TABLE "after_sale_lines" ADD "rebate_credit_minor" BIGINT NOT NULL DEFAULT 0;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "after_sale_lines" DROP COLUMN "balance_minor";
        ALTER TABLE "after_sale_lines" DROP COLUMN "rebate_credit_minor";
        DROP TABLE IF EXISTS "vouchers";"""


MODELS_STATE = (
    "eJztXetT40a2/1e6/CVMlTMF5jGEbG2VBzwTEga4xsxNdkgJWWqwLrLk6AHD7uZ/v92tZ+"
    "uFWg8ji/MFZKlPy/6dVuu8z38GS1PFuv1+rKoWtu3BEfrPwJCXmBwkLw3RQF6togv0hCPP"
    "dTZW9gZhb9jcdixZcciFO1m3MTmlYluxtJWjmQY5a7i6Tk+aChmoGffRKdfQ/nKx5Jj32F"
    "lgi1z49ic5rRkq/o7p1/v2beDa2JI0ld5JsyUV38mu7gz+pONWD9KdhnWV+x3eUHZecp5X"
    "7NxH7f7UcD6xsfSbzCXF1N2lEY1fPTsL0wgJNMOhZ++xgS3ZwfQOjuXSn0a/uQ9D8Gu9Xx"
    "EN8b5+jCb40hEUcyk6N5Ck84uZdDWZSdJAADzFNCjw5Kt6jLynX+HHn0aj3d0Po+3dg8P9"
    "vQ8f9g+3D8lY9n3Tlz787X2ZCC1vKobZ6efT8xn9Qibhrsd3euJvRiM7skfFuBShb2FFW2"
    "nYg49nwvFCtrJZwBElOEF+YpITAe5FrAhORLyI1uY6mLGUv0s6Nu6dBfl4sFeA89fx9PiX"
    "8XTrYO8dD/a5f2XELlHYI5hXBCIsAnFI0EN4R9sl4B1t58JLLyXgtcxHzVDEEI7R9BDk3V"
    "EJkHdHuSDTSzzIiuY8iwAcjAdwS4CravQLKELbcJxmfSAPBhsKMbkXxkIARxQ9XMOj7XLb"
    "cNE+nN6ITduRdQKhKrYX82S9W8w7ZaDeyUd6JwV0TLROS8+mqWPZyBGfOcIE0nNC2RbU4Z"
    "kW0C4Siy8uzujMS9v+S2cnThNC8vn1l48TAj9DnwzSHE52jr0ALUwxkeQMzE/IFUdb4pxX"
    "IUeZAF31Sd8HBxu4tRQwYHb6ZXI1G3+55LhwMp5N6JURO/ucOLt1kHgUwknQ/57OfkH0I/"
    "rXxfmEwUk2j3uL3TEaN/vXgH4n2XVMyTCfJKIBxzAJTgenODa7K7Uim3lKYHO32RzZKcob"
    "H2JEL1sgNoCh6zNCUPvP3UOmDYKCmmbDJ9PC2r3xG35mrDgl31vOVtd8S9i1P82GseDvYI"
    "0FZwehHcqSn0KDWXzpkd9OfjH23lPH46vj8clkwBCey8rDk2ypEgc1vWKOzMSZcGz60nK0"
    "TJ6RDfmegUN/Bf3OPupTfEceysXMfMDGIMM+yV0fFhkpLW+k5NCh5SyVgzHyqRCjGiLbIc"
    "tGRaahPyPZRppjo6tfxj+O9g9+Rpbp0GVBLipkKmeBDfSAVw4hRSoBU3HIZATl94ME39q7"
    "Sxl7qo1tm/xaynowonbTiMpWhbSQ7YWI0sNTNaPzvC4zWjaiarbtVpLLOEIQyzotlvnbZw"
    "Uu85QNsNl/doDLzXM59lITem/xdCCCNyWC+7g2IIVfRTNtGCPKCuL8GuySLB5gnyGGx9iS"
    "L4H7v6yk7H1hYGSTtYHVHzWDyLaPmoKPkEyGLzUiF5t3nihMIOfFZzstYNebSjAqwcKPhJ"
    "a9J0Cg7qZADZbWNyEF6LLtSOTJrMLoJC2wutOsxt9XGpmuAqN5SmBzp9nMXrNEOBGLJ+Op"
    "euf93S3lad8t8LTvpj3tik4D8CRtJQI0R9Q7nPf2S8C8t5+LMr3EgxwTFQV3LZ4SjBFd3r"
    "QCXhHR0c7SgYsCYZOUlR6qjvG27UAs8Lx2xewDnteWPa/xTSbp3UysfZ/+029TrMuOlrmd"
    "5PhUe4L7323axtgazTCMBWs33ypG2d9+4gxYojppicJLWdNFRIKQoBFJoEP+3NF+GYcuGZ"
    "UfL7yfcukuzbmmC4UKRxS9A7jxtBj2XwDbYHzvNMOdUhr4ToEGvpMR6y7b9pNJ3kuigR8p"
    "QsguKJldID8vqf2iBvI5E/RPbWuFAZotEflHe8zYVV5KOojo1phzEGzmG5tyQIAjytfdnT"
    "jeIRmkeAji7a6wla0Yv4h5nBRwF8Cd4LbUouADHvZfry7Oc/ZznixpZtUUB/0X6ZrdmoFo"
    "8I8711AopmjuarqjGfZ7er9/tiXXFLCDwsSxI9jKt76Mf0/u8sdnFx+TtlQ6wccEY56wsp"
    "AdyVxhI0sRzX/Vpgj7Jq43H98KUQ9Vlv3GuRsgv+xNsNmzE1dhM08JvsOucTnlUClj/+dK"
    "MFU3/cfKPW3ms522+mfEhdcEqX8xyBxI8p2DLcmW9dqLiU50Jesb/KooRsq0VN93Ux2kCz"
    "pHXwHSsXpPY68UxXQpXS2kzthkY2+ujX0tFQP2aLrKovaa+urN0qdV1abvduyqmjPFCnmc"
    "B1klEGOXh4VlEOlAyWIj11EKkcxsssgBcuUb+RoWGQs5Bx319IrL6aCGdVRA54Ql9gw+EC"
    "RFrFc8VQ/9czsHZRyiScbF/KEHSetVuNkJ7WFxqkpxfR0TIta5l3HYZ2ZvFi7wbAmlD4u7"
    "edOs/+4WADii6CHAO6PDMtvH6DB//6DXeIxNMtGjrLsZzuV8DxBHVMv/07GNZN2OHgM/ia"
    "PPEQH61dGvknpQK+Wgy9Fa+6VCV/YLQlf206ErFia/03YyBZQilONUvUO6BR8mpKW1k5Ym"
    "4HRotcSEbKhz8/uxbioPg6w6E/Hrw8JiE95ISQmHlqj2ZhPYdYws8wltaSraeXeEFuT4Tr"
    "ZopTXkz4nYnMhyDRvJCyyrrIIElnXENPNBgolNzttwoP9bsf2MdvY+7B3uHuyFalJ4pkg7"
    "etmqY97d2ZgWChBTSzmy9eWbbbeL8pq1UoqguFUtogLLWqcta5RR8+cKJbxiZGDyqZXJ+T"
    "oywDFhzb1pPWe9/8Nrhe9+xRulraUh1Uq2mHQJ9VNf98WQ/5Lufp7S+ixrbWQq2bp7L4Jv"
    "ML53NWlbygNzBJOQnFazvl4zRbSMqktGFaSIpmqwELFFy/Zu5O7OcZLeCO81VSQIM39j4n"
    "kk9ghJNhwZiOe1xPMkM9KcEC61EpevN4sPZautcAuQq7cyJc/E9PR4Vq7girLQdNXCGe8N"
    "kUi9/uHNbxKWqbpK3cDPS2+WHmHUpvocoJWhPceAzFee4zxrWXUmu5Hj2UBjr34WzBhdWW"
    "qGtLI0BUvkyLSSl1mYuuSFBLNLvu4fWID8kaCad1M1B9UxDJgrpToeFKiOBynV0dEcseo3"
    "IUEPTR+tVKyIf7MUzjP8PWcTSZD1wCddpNpMfp9xWk0qoiXUbM4uzj8Hw5NhLsluu8EbIL"
    "22J4a7TMm7/DYSUq8R+pPp+NNMEH+P6AixfzfG+Hh2+nVyhLz/5DPBkRyckDP+UdL5/ErB"
    "ug65/9x1sjLI8sO9eCqotlD80FQIA9OWRGQUYklEAexonB1J0VZIDs0g7o0tcs2BBHQzrM"
    "6HNDHwoWJAR0yXE+JBghDwrxpQI1vKQsrRGvKl2SQdiLPi4qwH4dxUnysgH5AB8MLAg7eq"
    "Eis2zVsFRZHeBJsTxt/yEkSCEByTDTkmlZh/C1yTL7gmE4uwhnPyUbY0uXbBla/eLJu7p6"
    "3X8RbAleF4iyGZ73iLM61Usgr28EdXv12/R7e3tmMqD7e3SDNYUsn48hRpNjlv0i7whop+"
    "RGSnxdYjVm9vM5NU6s5XKlrW8y4G+2wQSQX+uY765x5cIfecN7x33rkWMv7BNdeya85kX0"
    "rI2h0jAXN34+buyibWVzOv9mR7j4nj5pLGvxFltgofsqhBU6rOC7siF2zAvwH8fTFWDPwY"
    "EXgZquEeKA1iwMepAPlqyEOqC6S6rGtP75NVGZwHb4LNvGlKRD3hTFqgnTSV1BRlK9R0HZ"
    "RPIOkaI0pnNXFrULSNdLvVHKxMkzg7Pyyu4mCVN4Yrru2YS2z9YCNKh7Zub/2+2re375Bp"
    "IRnd01Jr5Dq5xLpks+6M5OoQGfgRW2huOossu3iTU5cxkcdeGmAW76ZZPGKykAmXo4KGZY"
    "MXbOQgXr8JuQvE67fBZu+dKfbaihE1Yul8I++ulFRdJmhE14y6HZ+oUHdGptncR61MyAi/"
    "ptOIXRh4ZpI/JbWTa7tUq55OLeWyekns+S2hlNRWNNjay1E2gnVZrHBI4VPQbO77N292Dw"
    "o/0iesGceJ/8mLIP53Tvz/yyUM0pyMqMZcBsRJ+mQiasyWbpO9QXEy3UJFbdHjZGtsiR6s"
    "+Y3tiA66VRUGbJzQHXvpiATDW2DNru1tjb3HhdDn6YABzaUiWM1USLM2kQXlcxCsYi9Cxh"
    "JvANX+pRokgeUf6y55aKI2zRmaE9fDuaD1Kd8zuoTHxkCM5kdKg/w+OGjrxv1pe3v7xj3Y"
    "PRjduIfq6MM7ZJKhaCVrKmL9lo/I6DvXIJ8M/XlIPjiuRUaQE975IXXJ4O/KQjbus5pxrP"
    "HGZbw9gXfJXxhBN9eoQg3ogZ3VA/Pbfr5cgmgTmn8OppNP1+cn0sX52R9HKPbhxphOZtfT"
    "c8k7R6/FPt4Yk9+Pfxmff54coeAo+RyW8Sg1X5do86pGVWLa/1wTxWHC2OIf3hjjy8vphV"
    "cqyj+iTPx1cuwP9I5ujOPx+fHk7IyeDA9Ddl/9cnp5OYn47X+OLYfjiVePKnGCjqBL4/T8"
    "c7CQyGFw1iPwjoJz0qfx6Vl0wf8YLa3ouyTPVFlqozLOy1G+83KUcl7mtdzLL+bQq5Z766"
    "7jAKWtOpXr40lEVdIbkpSgAFfPMHEtCxtKhpm6oFdijKbLb7mKQSq7Jbb53dxdfje9yVMd"
    "QCJKs6VleQKLOn8mKRuJB+oU2M3Lbz5qVLck8vO9RES2eSXcM2boH/7NR2QF2m2VFZ9F2z"
    "/Mm1/zIW41Vn3RHP3jQfPr3jAdoYp4wXgQ5KEg23pYsWmOSQj6fBNsTli3BXzQPCFogZW1"
    "QOa7EMY/TgXgN+WDZqg24C69CObZMCaUdZbGV19OGbysXaYBZEsG424qsIlttUaJwQaixU"
    "Pfcv9Dxlvw1ufFOqdQLeO1Fwh7HlyZiHy7Z0TY4NjIvEOmgT0POaKz0HqBctzJ/jO6o0mS"
    "RugbH7J6gn5ABLIx+aMRCLGspt31bd+sjIs+BhM44zvrjM8Pyi7iQV/jstde1Af8PR1gwp"
    "xAJCkWVrVKpcVyJuhN4Z8182Mu61TYrMKJFCnwoBoPQst31XDsnAmg7l5VjvDSlBAvUqTw"
    "sqhpFqIydEXbUIwU2NCUgSha4Q3YMrjY7Q3jRlmDRmpLKGEuitZvU6a4nhkwkiCnHnhhu1"
    "GbFhHPGJphCQmtpPkWEPbL1tHqPJYIH7Qk58P88feVZmE77IAe74gOFodOWhzE4zBqRl10"
    "jAl8ZN2oTGjdKD+2bvQmg/UvJywSXroc//Flcj47QokTN8bl+PSEnCZ/b4ww5j0MvD+ZnJ"
    "1+nUzpufDwxji++HJ5NmGR/eFhdmh/0uD6WsHyzAhUj+OpSdYYfTNl975it35/7jvTRdYB"
    "pTlC9C/l+HR2Oj6jTGcHN8an6zPykf6twq/mY9IgsrjtyGLbnTumI+tVjEdpWlDQKuvJ9k"
    "JbrWjEZBVGpGiBEZUZ8Wi6CpGuJVWzWafnKgzJnwMYU5kxK5PeXyIajmjhbJ4QWFCXBXUe"
    "jdwpgC2V2VL5DQ6v73Z8onSrqe8Y5WcB5tR2kFZlSzY9MKSGt9TBlkG2HtWt5LbOpgeGVH"
    "eWqqqFbaG89hjJ+hPbXyctopUUds14NDUlw0VUUFIgIqkFfcfiBNaNPGTbrS3bLuZ1SgFe"
    "nIbFU0IaVrfTsCCp8i2wGZIq3wSbaUnCCjyOkTXA4M2RUTaOv8xtUOkx5imBy13msop17R"
    "FblficpAVOd5nTirlc0WC5SvJXghY43WlOU3OkrlfjdIIWON1lTr9KN7OuCdWdCJnP7sEF"
    "if/lGnGJJf0nyrw3kPrfI8h5w9ojNpyaILH49QmdqK8oNVBEoo/5Fwlt/3lZfy1derP0FS"
    "Qv9rcmRl4Qb18horaBBhbSlT9Nn2BqPTvJ28TzUpTCLf6FPCUpeqm8XKXlwsDkx8mGrbEy"
    "4+YdLYriFU7ZMi1Eq6kw2z65+O4IPS1kZ4juLHNJDrFFSE3vYIjmz+TIXA7pZyNdoKXF+5"
    "TJq4pXioLiLJ1NlWIApvDPTxYIxvcxUaDxRCn6ONXMnUlM0eGawJAx5T1QZk2OcxN0+TED"
    "hnuqt+KYllSn4xQ/Q6dZfnx9Nbv4MpkSLvhHhLGz8adPhK30H/n0x9Vs8oV8ZP+rsKj5rD"
    "gPYOGiJjEqqCpTNVASYsbWFjMm7tqAqJIN8GhAneju+DSgTnQ5r0aJOtGvWJMmr0IvZ7J+"
    "yeYjUJh37JXElW00N937hXOEbENe2QvTq5xL6+AqREHXzXskO+Qj+bM0qS2PNbGllhqbCJ"
    "KYjsWyskC+5Zn8t5yMRrpt303U/EM2RGaDAiNQR41AIYNSPCjISo1I+vR6Ge3sfdg73D3Y"
    "CxkQninCPSMrvmJZywaqWXYU2nWnXlum6iriDODpgAHVk6w1J6taYoFtOSDosgmkonF5tL"
    "1dxvC0vZ1veaLXsvcYYaRThIB4OcTtB1cEZ394D9FtvpWfyb6RUEZtjARaRRebkypke9LO"
    "HtLK0qoVSs+ihpdp5ZcpNNGAcjFvmQVBgbAatcWADY3Vs6pexgqYAO1kesiSzewo0zs2hG"
    "WO6pRIAkY0tkXNZVur9LbIpgeGVGYIOJHBidwVJqzFiZzZ1wp6475OrkWQ5JThc4/lP+V7"
    "3OOpViXc7bTJrPcyD53X8fQH2UEyWlnmo8aSIWiRSi/zgbrGg1shW9cUjEzjXYaHvYUbCD"
    "nV/8xvUQMu9m662P3VIOI9iNP00IXQQveLhWwYWBfBOEYCEJeAmNxKxZJ4g6UkHbRZSkCd"
    "zh6Sl1VLxicpQXSvrDdBQ53WG+oUZEvleNU3Ij2qM1u2l4Jftb5+khb6XVcOR2PCnMRysm"
    "UWOJBpj3lZHsyYosN5oZ0JMFF0jehd0kq25KVQmEmKEGqIV48qgcLWVVixcUlLUNj6TbAZ"
    "Clu/CTaD9wi8R11hwpq9R+stYNZN4XC9ziIfrAxfUQRjvqsoxq+XPUVfTAM/o3uTYIDol6"
    "dVr1h+pGs75hJb5INFcygRGYd8U/ERG0GwoF6fO82ynSE9Y3jOHV9F+8FGREV7wlbaebSm"
    "e9bxJwVnYp5TKOHVWdeS315d3CafIgSj/ItGeXAxtV+th9t1hDaWFCnU7alqrwTvUweYAN"
    "4n8D5t+G5uYdnOqixRJJYEFD2oAcbDe1gmJfkwPyP5MJWQHPqEfGGuokeJowZnUglnEti3"
    "34LhE+zbb4LNYZiDOJ8TpNAcqst8Bj/Ga0bAeIHv4gWZODrQ6MGP1DU/UsYqbwDY8p2BOr"
    "a8yyLLP9idKhMaNtPJ8ELFG+3k+6G4rj4veqLysRX34yiyZWneI0lv+kCmC2z84MLppgsn"
    "xrLSZr6IBOxQ5RJXuEdBAOoM0h5C3ryNpF4flNewsw783iSC1sBBurfJ6bk0m47Pr05nRy"
    "g6DnuenJ5/DpuekOO8XiiX04uPZ7Sbhn9wY0wns+vpOR0WHA068XiBPewlcagXCjTYw94E"
    "m8FOAnp6V5iw5njPJvpDBxpi71pEr0Plzm3JmkL1ZeW7SmNWJuoj73XFqnqgYDa0dafpOl"
    "ZpR1QaeBkODtyoQ0RWBrYyKoY0PHcZo0CIgfdIQG2Qzmr/0Lerl0LU5qm/4owFzZcDJMXr"
    "/D6HCbIehDoVPbtttDtMvODKv70ShKCqNKWq2DHPSE1tJe5k2TBWlFVYEsuwU/6vX02XVr"
    "ebGI71nCWLc9cLRXEi094TvYz8Tksr2y+PSstL8xEHhfUeZd3FR6w1HX1JE/BtZLtLmjn1"
    "b2yZaIUtRPtN/IyeLM1xsIFMsriGyCDiv8VyqMiPzBbK27lNGflckV2bPQDsABKsuiufE/"
    "VruTIdGlQvPWChYPwM0t4lWe2MDsvIVKPDfKGKXuNf7nfk/thaWVrW2yQf7wRZl0Xnzrjp"
    "wo2ovOvZJ+ghvC1kDAbbu9AOHqeCkLeqIYdLvDRFVnYwvgfa2Bqa4REZzrSkB80QyjnhqX"
    "q4hbSQEcsgE06GjVHBFlI5BRMCG/pqrE1ZMsr4BwPNsJ6H8NKbZXOZvl7f4BkzIowVhWaW"
    "DzLsEfyAYQmDhOyNLdtSAHlkyCc7QnJYsIXWXbFt7CDTog69Z9vBy2DcED1pzgKxPoA2Um"
    "RlEbQCiFsZMjoMtH+/DBvFt0FwD/+1oRD4PLNEzHQBVopOWin8FSBqoUiQ9c460YK+TB8K"
    "AYSD8T0UdZvXlql9VQTcYHwPwS1jVcu3qaUsapvZorBfRcBVPK/WsTNBCPhXVuYqtkx9vV"
    "6pveMAqNP9VKf5wlWcHiHwnPGEYLdqKDQjwDXNDeHQjGu7VBx5x7hQNiojsQBrRJKDpegV"
    "LEUBXBk2ohiSL1qH4rwr1XDSK3rILCxYpREjtHqvr1vTmG76kcbAPA+RbKgsxNu/+oONfP"
    "ka/R9Ze4jVsESak9l2sqXblIlXYdOGSeaB2cB7SsLUc/7hgZiWzlqL4AX92pIwFFjtABMC"
    "y4ZXOLiGaSQxAbCk+nPBvVlE3N1xOmBAZQaEL3oh+ONUAH5TahsOAqxr6mzJeO0N40VZ5S"
    "2+CEvU6pIjf3FNfFP+554CzG+ynUpZ+Gq6iqe7pDS/4NKwSPN79AaVDgjwx6OtG3cP490b"
    "96cddefG3R/tHr6LeevRwiTf/gjZBH4dI5dOJnupBsi8u0P3pqnaSDOYg95WzBW5zhz2Mi"
    "LShLZ0l8heYSMjfWH9X+HGuDFub73MxNtbljthE5VTf6aqJ1k7qkbhkXV0fUmtkDbaur19"
    "knWyQt4H6N7evjtC46/j07Pxx7MJunFHOz+NEFk7k+nXyQna8nVYlsw/pHcL0voJYTD6+o"
    "qMfKLtbzQHaTZayZr6c9hLJ5r8yeuQIzvedHSoQh9jmmc9RH47ySENo9DsGyO8RE8EVV3J"
    "HKaO3yOiekfzBrCvZKJH394SIDVVIk+FphNQLCyrNEADTX6/PJ1OTsrng/CKlZ//ydTqqL"
    "4baNPd1KZfNSSgQ9EWo3JhxgVRxkm3NdumqmhmCUKQSatH0WuGxF4AVdiQQQy+02p88F40"
    "9M0s6jvlKcF32mnfaUyeqMbnkBQY3WlGM1FbOH+Gp+ph3Fvz+TMeZFpWF1faor4IZ58o+S"
    "RpioP+i3TNbu3VNfgH0UAUiiSau5ruaIb9nt7vn4P1P1kUJO6hSpXvSFbqSDwtdIJU+Q7o"
    "vNXuqn+lIo7g3KNQ2baLVWn+LFlYIZAKsyFnAuAIBB6CTAUFit86m181fKVrjO2Ep3L9Aa"
    "ZdY8O6IkzbdKJduM7c/J5bgjd+eVjkTDPZQJHyu/kwl3GerNw5UY4W4fYNvpLO+krYmhDs"
    "Uxun6Z3PpPkkSsdcaYoIviFBDxXr5hOA5XsiytwTPDycBHBOU/YQ8ObXcwSbcFBgghLkve"
    "oKNESMv34DVd2UM9DPN2LHSNZvwn4dXbYVYzVYj6qwYuPMCkk1QoTRSVroBN41TgvU+2pT"
    "xz6NagL/hjOraydGDIs07USF4RaU7W8D146sFSu6YP2MVVozKFkd6tvAD6yUoONMZ3XwGE"
    "PLsyBGBGJ0ZSGOe4DK6o0cUQ9VxuZ1dMEqaI1WP+s5tFCafa0dlHMMTOU6SHXexkR2SOly"
    "evF5Orm6Yv2igg83xgkR/Y7QiS8Avn48DZFp6C9KcSNf+44oainfm6MGgO7dGVZshEbGpR"
    "1HaoMgm3lKYHPn2NwRxXuMLU1ZDDIUbv/KsEjRlqMxbfqyhTTmt6Iuj3b2Puwd7h7shapZ"
    "eKZII3tZEX7Eli2oi8VIuixYVZRhR/v7ZTL49vfzU/jotYT/jjxUAgj7w3uI7k6pNiw7BW"
    "1YdtJtWMgdncymi/mCaYwE3EKCoumrvsz+/n+JdWhd"
)
