from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "ledger_entries" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "idempotency_key" VARCHAR(128) NOT NULL UNIQUE,
    "fingerprint" VARCHAR(64) NOT NULL,
    "cause" VARCHAR(32) NOT NULL,
    "cause_id" BIGINT,
    "memo" VARCHAR(200) NOT NULL,
    "actor_kind" VARCHAR(16) NOT NULL,
    "actor_id" BIGINT,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_ledger_entr_cause_c1ac44" ON "ledger_entries" ("cause", "cause_id");
COMMENT ON TABLE "ledger_entries" IS 'One movement of value: its postings sum to zero per unit; written once, never changed.';
        CREATE TABLE IF NOT EXISTS "ledger_accounts" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "account_key" VARCHAR(64) NOT NULL UNIQUE,
    "code" VARCHAR(32) NOT NULL,
    "unit" VARCHAR(8) NOT NULL,
    "balance_minor" BIGINT NOT NULL,
    "debit_minor" BIGINT NOT NULL,
    "credit_minor" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "customer_id" BIGINT REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_ledger_acco_custome_dc4ce6" UNIQUE ("customer_id", "code")
);
COMMENT ON TABLE "ledger_accounts" IS 'A ledger account: a customer''s asset or a system account, with totals cached from its postings.';
        CREATE TABLE IF NOT EXISTS "ledger_postings" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "customer_id" BIGINT,
    "amount_minor" BIGINT NOT NULL,
    "balance_after_minor" BIGINT NOT NULL,
    "account_id" BIGINT NOT NULL REFERENCES "ledger_accounts" ("id") ON DELETE RESTRICT,
    "entry_id" BIGINT NOT NULL REFERENCES "ledger_entries" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_ledger_post_entry_i_da5833" ON "ledger_postings" ("entry_id");
CREATE INDEX IF NOT EXISTS "idx_ledger_post_account_783aeb" ON "ledger_postings" ("account_id", "id");
CREATE INDEX IF NOT EXISTS "idx_ledger_post_custome_726d7e" ON "ledger_postings" ("customer_id", "id");
COMMENT ON TABLE "ledger_postings" IS 'An amount posted to one account by one entry, and the account''s balance just after it.';
-- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_customer_not_negative" CHECK (customer_id IS NULL OR balance_minor >= 0);
ALTER TABLE "ledger_accounts" ADD CONSTRAINT "ledger_accounts_totals_add_up" CHECK (debit_minor >= 0 AND credit_minor >= 0 AND balance_minor = credit_minor - debit_minor);
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_amount_not_zero" CHECK (amount_minor <> 0);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "ledger_accounts";
        DROP TABLE IF EXISTS "ledger_postings";
        DROP TABLE IF EXISTS "ledger_entries";"""


MODELS_STATE = (
    "eJztXetz27aW/1cw+nKTGTVjy4/4ujs7ozpK6taxvbLSbW/cYSgKlrimSJUPO967/d8XAJ"
    "/gywAfMkWfLzZF4oDS74DgeZ9/D9bWAhvOu/FiYWPHGZyifw9MdY3JQfrSEA3UzSa+QE+4"
    "6txgY1V/EPaHzR3XVjWXXLhTDQeTUwvsaLa+cXXLJGdNzzDoSUsjA3VzGZ/yTP0vDyuutc"
    "TuCtvkwtc/yWndXODvmH69r18HnoNtRV/QO+mOssB3qme4gz/puM29cqdjY8H9Dn8oO6+4"
    "Txt27id9eW66H9lY+k3mimYZ3tqMx2+e3JVlRgS66dKzS2xiW3UxvYNre/Sn0W8ewBD+Wv"
    "9XxEP8r5+gCb90DMVcic8NFOXyaqbcTGaKMpAAT7NMCjz5qj4jl/Qr/PDP0ejg4P1o7+D4"
    "5Ojw/fujk70TMpZ93+yl93/7XyZGy5+KYXb+6fxyRr+QRbjr852e+JvRqK7qUzEuxejbWN"
    "M3Ovbh45lwtlLtfBZwRClOkJ+Y5kSIexkrwhMxL+K1uQ1mrNXvioHNpbsiH48PS3D+bTw9"
    "+3k8fXN8+JYH+zK4MmKXKOwxzBsCEZaBOCLoIbyjPQF4R3uF8NJLKXht60E3NTmEEzQ9BP"
    "lgJADywagQZHqJB1nT3ScZgMPxAK4AuAudfgFNahtO0mwP5MFgRyEm98JYCuCYoodreLQn"
    "tg2X7cPZjdhyXNUgEC7k9mKerHeLeV8E6v1ipPczQCdE66z0bFkGVs0C8ZkjTCE9J5RtQR"
    "2daQHtMrH46uqCzrx2nL8MduI8JSRffvn804TAz9Ang3SXk50TL0AbU0wUNQfzD+SKq69x"
    "wauQo0yBvghI34UHO7i1lDBgdv55cjMbf77muPBhPJvQKyN29il19s1x6lGIJkH/fT77Gd"
    "GP6F9XlxMGJ9k8lja7Yzxu9q8B/U6q51qKaT0qRANOYBKeDk9xbPY2i4ps5imBzd1mc2yn"
    "EDc+JIiet0DsAEO3Z4Sg9p+7+1wbBAU1y4aPlo31pfkrfmKsOCffW81X1wJL2Jdgmh1jwd"
    "/hGgvPDiI7lK0+Rgaz5NIjv538Yuy/p87GN2fjD5MBQ3iuavePqr1QOKjpFWtkpc5EY7OX"
    "1qN1+oxqqksGDv0V9DsHqE/xHXkoVzPrHpuDHPskd31YZqS0/ZGKS4eKWSoHYxRQIUY1RI"
    "5Lls0CWabxhFQH6a6Dbn4e/zA6Ov4R2ZZLlwW5qJGp3BU20T3euIQULQiYmksmIyi/G6T4"
    "1t5dROypDnYc8msp68GI2k0jKlsVykp1VjJKD0/VjM7zssxo2YiqO45XSS7jCEEs67RYFm"
    "yfFbjMUzbA5uDZAS43z+XES03qvcXTgQjelAge4NqAFH4Tz7RjjBAVxPk12CVZPMQ+RwxP"
    "sKVYAg9+maDsfWVi5JC1gRc/6CaRbR90DZ8ilQxf60Qutu58UZhAzovPTlbArjeVZFSCjR"
    "8ILXtPgEDdTYEaLK2vQgowVMdVyJNZhdFpWmB1p1mNv290Ml0FRvOUwOZOs5m9ZolwIhdP"
    "xlP1zvt7IORpPyjxtB9kPe2aQQPwFH0jAzRH1DucD48EYD48KkSZXuJBToiKkrsWTwnGiC"
    "5vWiGviOjo5OnAZYGwacpKD1XHeNt2IBZ4Xrti9gHPa8ue1+Qmk/ZuptZ+QP/x1yk2VFfP"
    "3U4KfKo9wf3vNm1jbI3mGMbCtVtsFaPsbz9xBixRnbRE4bWqGzIiQUTQiCTQIX/u6EjEoU"
    "tGFccLH2VcumtrrhtSocIxRe8Abjwthv2XwDYc3zvNcF9IA98v0cD3c2LdVcd5tMh7STbw"
    "I0MI2QWC2QXq05raL2ogXzBB/9S2VhigOwqRf/SHnF3luaSDmG6LOQfhZr6zKQcEOKJ83d"
    "3J4x2RQYqHJN7eBtv5ivGzmCdJAXcJ3Aluaz0OPuBh/+Xm6rJgP+fJ0mZWXXPR/yFDd1oz"
    "EA3+484zNYopmnu64eqm847e7z/bkmtK2EFh4tgRbuVvPo9/T+/yZxdXP6VtqXSCn1KMec"
    "TaSnUVa4PNPEW0+FWbIeybuN58fCtEPVRZ9jvnboD8slfBZt9OXIXNPCX4DrvG5YxDRcT+"
    "z5Vgqm76T5R72s1nO2v1z4kLrwlS/2KQOZDUOxfbiqMatRcTnehGNXb4VVGOlGUvAt9NdZ"
    "Cu6Bx9BcjAiyWNvdI0y6N0tZC6YJON/bl29rW0Xbfk2Fvo7hRrZKUO8qr7JS4PSyv80YGK"
    "zUZuo8ofmdliTnFy5Sv5GjYZC+H0HXViyougoGF0VPbk5AD2DN4TJGUMMzxVD11P+8civr"
    "404xKuvuO0YSba7KT2sCRVpZC1jr0ft7mXcdjnJiaWLvB8MaUPi7t5q2Pw7pYAOKboIcD7"
    "oxOR7WN0Urx/0Gs8xhaZ6EE1vBy/abFzgyOq5dro2EaybR+GiR/l0eeIAP3q6FeJqq8VTd"
    "/lQKQjoaiMo5KojKNsVIaNye903FwBpQzlJFXvkG7BPQcZV+1kXEnY01utnqCai7n1/cyw"
    "tPtBXgmF5PVhaR0Ff6SiRUMFCpk5BHYDI9t6RG/0Bdp/e4pW5PhOtWkRMRTMidicyPZMB6"
    "krrC5YcQSsGohp5oMUE5uct+EY9tdi+xntH74/PDk4PozUpOhMmXb0vFXHurtzMM2Bl1NL"
    "ObLtpVLttYvylrVSiqC8VS2mAstapy1rlFHzpwrVqRJkYPKplaT4MjLAGWHN0rKf8t7/0b"
    "XSd7/mj9K30mtpo9pMuoTSoC/7Yih+SXc/BWd7lrU2knAcw1vK4BuO71251ZZSnFzJ/Bq3"
    "1YSml8x+FFF1yaiS7MdMeREituj53o3C3TlJ0hvhvaaKBBHUr0w8j8UeKcmGIwPxvJZ4nm"
    "ZGlhPSVUSS8vVu8UG0kAi3ALlSIlPyTEzPz2ZitUS0lW4sbJzz3pAJ1+sf3vwmYVsLT6sb"
    "03jtz9IjjNpUn0O0crTnBJDFynOSZy2rzmQ3cn0baOLVz4IZ4ytr3VQ2tq5hhRxZdvoyi8"
    "BW/GhXdinQ/UMLUDASVPNuquagOkYBc0Kq43GJ6nicUR1d3ZUr7BIR9ND00UoxhuQ3y+A8"
    "w98LNpEUWQ980mWqzeT3GafVZCJaIs3m4uryUzg8HeaSbiQbvgGya3tieuuMvMtvIxH1Fq"
    "H/MB1/nEni7xOdIvbv1hyfzc5/m5wi/z/5THAkBx/ImeAo7Xx+oWBdl9x/7rl5yVHF4V48"
    "FRQSKH9oKoSB6WsiMkqxJKYAdjTOjrRoKyWH5hD3xha55UACuhlW50OWGPhQMaAjoctJ8S"
    "BFCPhXDahRbW2lFGgNxdJsmg7EWXlx1odwbi2eKiAfkgHw0sCDt6oSK3bNWwX1fl4Fm1PG"
    "X3EJIkUIjsmGHJNawr8FrslnXJOpRVjDOfmg2rpau5bIb/4su7unbdfxFsKV43hLIFnseE"
    "syTShZBfv4o5tfv7xD3745rqXdf/uGdJMllYyvz5HukPMWbXBuLtAPiOy02H7Ai2/fcpNU"
    "6s4nFC3rexfDfTaMpAL/XEf9c/eelHvOH94771wLGf/gmmvZNWexLyVl7U6QgLm7cXN3ZR"
    "Pri5lXe7K9J8Rxa03j34gyW4UPedSgKVXnhVORCw7g3wD+gRgrB36CCLwM1XAPlQY54JNU"
    "gHw15CHVBVJdtrWn98mqDM6DV8Fm3jQlo55wJi3QTppKaoqzFWq6DsQTSLrGCOGsJm4Nyn"
    "ZIbreag51rEmfnh+VVHGxxY7jmOa61xvY/HETp0Jtv34KW0d++vUWWjVS0pKXWyHVyiTWA"
    "Zo0HydUhMvEDttHccld5dvEmpxYxkSdeGmAW76ZZPGaylAmXo4JeXINnbOQgXr8KuQvE69"
    "fBZv+dKffaShA1Yul8Je+ujFQtEjRi6GbdZkZUqLsg0+zuoyYSMsKv6SxiVyaeWeSPoHby"
    "xRHqbdSppSyqlySeXwGlpLaiwdZegbIRrstyhUOJnoJmc9+/+rP7UASRPlHNOE78T18E8b"
    "9z4v9fHmGQ7uZENRYyIEnSJxNRY7Z0h+wNmpvrFirr+J0kg6b24s2+QbeqwoCdE7oTLx2Z"
    "YHgbrNm1va2J97gU+jwdMKC5VAS7mQpp9i6yQDwHwS73IuQs8QZQ7V+qQRpY/rHukocm7k"
    "Ccozlx7YlLWp/y7ZAFPDYmYjQ/UBoU9MFBb269f+7t7d16xwfHo1vvZDF6/xZZZCjaqPoC"
    "sVbCp2T0nWeST6bxNCQfXM8mI8gJ//yQumTwd22lmsu8ZhxbvLGItyf0LgULI+zmGleoAT"
    "2ws3pgcdvP50sQ7ULzz8F08vHL5Qfl6vLij1OU+HBrTiezL9NLxT9HryU+3pqT389+Hl9+"
    "mpyi8Cj9HIp4lJqvS7R7VaMqMe2/vhDFYcLYEhzemuPr6+mVXyoqOKJM/GVyFgz0j27Ns/"
    "Hl2eTigp6MDiN23/x8fn09ifkdfE4sh7OJX48qdYKOoEvj/PJTuJDIYXjWJ/CPwnPKx/H5"
    "RXwh+Bgvrfi7pM9UWWojEeflqNh5Oco4L4ta7hUXc+hVy71t13GA0ladyvXxJaIq6Q1pSl"
    "CAq2eYeLaNTS3HTF3SKzFB0+W3XMUglQOBbf6gcJc/yG7yVAdQiNJs63mewLLOn2nKRuKB"
    "OgV28/JbgBrVLYn8vFSIyDavhHvODP3Dv/mIrFC7rbLi82j7h3nzaz7CrcaqL5ujfzxoft"
    "2blitVES8cD4I8FGTbDit2zTEJQZ+vgs0p67aED5onBC2wshbIfBfS+CepAPymfNAM1Qbc"
    "pVfhPDvGBFFnaXL1FZTBy9tlGkBWMBh3V4FNbas1Sgw2EC0e+Zb7HzLegre+KNY5g6qI11"
    "4i7HlwYyHy7Z4QYYPrIOsOWSb2PeSIzkLrBapJJ/uP6I4mSZqRb3zI6gkGARHIweSPTiDE"
    "6iLrrm/7ZiIu+gRM4IzvrDO+OCi7jAd9jcveelEf8Pe8OBMiK1/V0NOCCaDGWFWO8G8OKV"
    "5kSOHBqKkCU3mhoh6cIAU2NKUMxyu8Ab2Ni1PdMW6IKm+ZLUFANY7Xb1Nmh54pa2mQMw+8"
    "tI7cpvbnG35ytL7IIlSs7bFfto22zomk37D9Mh/SjL9vdBs7UbfnZPdn0K46qV3J+5xrep"
    "g7xgQ+imgkEkY0Ko4jGr3KwOTrCYv6Va7Hf3yeXM5OUerErXk9Pv9ATpO/t2YU3xsFGX+Y"
    "XJz/NpnSc9HhrXl29fn6YsKimKPD/DDmtHHppQKDmcJbj+OZSbYYaTBl975ht353GTgOZd"
    "YBpTlF9C/l+HR2Pr6gTGcHt+bHLxfkI/1bhV/Nx99AFGXbUZSON3ctVzWqmI+ytKCgVdaT"
    "nZW+2dDosCqMyNACIyoz4sHyNCJdKwvdYV1tqzCkeA5gTGXGbCx6f4VoOLJFgnlCYEFdFt"
    "R5NAqnALZUZkvlNzi8vptzws0JRIpm44Xusq2mmkOueBZgTmXmzFWDanKV2ZJPDwyp4S11"
    "sW2SrWfhVepKlk8PDKnuLF0sbOxI5fAmSLafxPsyIeCtpOvq5oOlazkuopL06ZikFvQdix"
    "PYNvKQWbS1zKKE1ykDeHnKCU8JKSfdTjmBBLLXwGZIIHsVbKbl1yrwOEHWAIN3R0bZOf4y"
    "t0Glx5inBC53mcsLbOgP2K7E5zQtcLrLnKY9wmmwXCX5K0ULnO40p6k50jCqcTpFC5zuMq"
    "dfpHNT14TqToTM5/cbgiRnsaZDcgnOqZLWDaQ59why3rD2gE23Jkgsfn1CJ+orSg0kzPcx"
    "/yKl7T+t66+la3+WvoLkx/7WxMgP4u0rRNQ20MBCugmm6RNMrWcn+Zt4UYpStMU/k6ekxC"
    "+V5ytSXJmY/DjVdHRWUtm6owUg/CIRbywb0coRzLZPLr49RY8r1R2iO9tak0NsE1LLPxii"
    "+RM5stZD+tnMFqNo8T4ieVXJqjhQiKKzqVIMwAz+JW3Bg/F9TBRoPFGKPk41c2dSU3S4/i"
    "lkTPkPlFWT49wEXX7MgOG+6q25lq3U6a7Dz9Bplp99uZldfZ5MCReCI8LY2fjjR8JW+o98"
    "+uNmNvlMPrL/VVjUfFacD7B0UZMEFVSVqRooCTFjW4sZk3dtQFTJDng0oCZud3waUBNXzK"
    "shUBP3BWvSFFUj5UzWz9l8JIqQjv3yn6qD5pa3XLmnyDHVjbOy/CqhtOanRhR0w1oi1SUf"
    "yZ+1RW15rGEntdQ4RJDEdCxWtRUKLM/kv+3mNA1t+26y5h+yITIbFBiBOmoEihiU4UFJVm"
    "pM0qfXy2j/8P3hycHxYcSA6EwZ7tBRvSOLPLGobWvhafIM4OmAAdWTrHU3r1piiW05JOiy"
    "CaSicXm0tydieNrbK7Y80Wv5e4w00hlCQFwMcefek8E5GN5DdJtvW2axbySVUZsggba45e"
    "akCtmetIuBsrF1rVLGeR41vEwrv0yhYQCUi3nNLAgLhNWoLQZsaKyeVfUyVsCEpksn1a6a"
    "BCxprmBSjVpJwIYGyyTVKZEEjGhsi5qrjl7pbZFPDwypzBBwIoMTuStM2IoTObevFfQBfZ"
    "lcizDJKcfnnsh/Kva4J1OtBNzttKGm/zKPnNfJ9AfVRSra2NaDzpIhaJFKP/OBusbDWyHH"
    "0DWMLPNtjoe9hRtIOdX/LG5RAy72brrYg9Ug4z1I0vTQhdBC94uVaprYkME4QQIQC0BMbr"
    "XAinyDpTQdtFlKQZ3NHlLXVUvGpylBdK+sN0FDndYb6pRkSxV41XciPaozW7afgl+1vn6a"
    "dnt7yV6vNpJQmFNYTrbKAgdy7THPy4M5U3Q4L7QzASaaoRO9S9motrqWCjPJEEIN8epRJV"
    "DYugordi5pCQpbvwo2Q2HrV8Fm8B6B96grTNiy92i7Bcy6KRxu11kUgJXjK4phLHYVJfj1"
    "vKfos2XiJ7S0CAaIfnla9YrlR3qOa62xTT7YNIcSkXEoMBWfshEEC+r1udNtxx3SM6bv3A"
    "lUtH84iKhoj9jOOo+2dM86/qTwTMJzCiW8OutaCtqry9vkM4RglH/WKA8upvar9XC7jtTG"
    "kiGFuj1V7ZXgfeoAE8D7BN6nHd/Nbaw6eZUlysSSkKIHNcB4eE9EUpJPijOSTzIJyZFPKB"
    "DmKnqUOGpwJgk4k8C+/RoMn2DffhVsjsIc5PmcIoXmUF3mM/gxXjICxg98ly/IxNGBRg9+"
    "pK75kXJWeQPAincG6tjyFkWWf7A7VSY0aqaT44VKNtop9kNxXX2e9UQVYyvvx9FU29b9R5"
    "Le9J5MF9r4wYXTTRdOgmXCZr6YBOxQYokr3KMgAXUOaQ8hb95GUq8PykvYWQdBbxJJa+Ag"
    "29vk/FKZTceXN+ezUxQfRz1Pzi8/RU1PyHFRL5Tr6dVPF7SbRnBwa04nsy/TSzosPBp04v"
    "ECe9hz4lAvFGiwh70KNoOdBPT0rjBhy/GeTfSHDjXE3rWI3obKXdiSNYPq88p3lcasTNRH"
    "/uuKVfVA4WzozZ1uGHhBO6LSwMtocOhGHSKyMrCdUzGk4blFjAIRBv4jAbVBOqv9Q9+uXg"
    "pRu6f+yjMWNF8OkAyvi/scpsh6EOpU9uy20e4w9YITf3ulCEFVaUpVcRKekZraStLJsmOs"
    "EFVYUsuwU/6vXyyPVrebmK79lCeLc9dLRXEi0y6JXkZ+p62L9suj0vLaesBhYb0H1fDwKW"
    "tNR1/SBHwHOd6aZk79L7YttME2ov0mfkSPtu662EQWWVxDZBLx32Y5VORH5gvl7dxGRD7X"
    "VM9hDwA7gASr7srnRP1abyyXBtUr91gqGD+HtHdJVvujExGZanRSLFTRa/zL/Y7cH9sbW8"
    "97mxTjnSLrsujcGTddtBGJu54Dgh7C20LGYLi9S+3gSSoIeasacrjGa0tmZYfje6CNbaEZ"
    "HpHhLFu5102pnBOeqodbSAsZsQwy6WTYBBVsIZVTMCGwoa/G2owlQ8Q/GGqG9TyE1/4su8"
    "v07foGL5gRYaxpNLN8kGOP4AcMBQwSqj9WtKUA8slQQHaK1KhgC6274jjYRZZNHXpPjovX"
    "4bghetTdFWJ9AB2kqdoqbAWQtDLkdBho/345Noqvg/AewWtDI/D5ZomE6QKsFJ20UgQrQN"
    "ZCkSLrnXWiBX2ZPhQSCIfjeyjqNq8tU/uqDLjh+B6CK2JVK7apZSxqu9misF9FwBd4Xq1j"
    "Z4oQ8K+szFVsmfpyvVJ7xwFQp/upTvOFqzg9QuI54wnBbtVQaEaIa5Yb0qEZXxyhOPKOcU"
    "E0KiO1AGtEkoOl6AUsRSFcOTaiBJLPWoeSvBNqOOkXPWQWFrygESO0em+gW9OYbvqRxsA8"
    "DZFqLliId3D1Hw4K5Gv0P2TtIVbDEulubtvJlm4jEq/Cpo2SzEOzgf+URKnn/MMDMS2dtR"
    "bBC/qlJWEosNoBJoSWDb9wcA3TSGoCYEn154J7s8i4u5N0wIDKDIhe9FLwJ6kA/KbUNhwG"
    "WNfU2dLx2jvGC1HlLbkIBWp1qbG/uCa+Gf9zTwHmN9lOpSxcee7c+l6YPZy8PCzTAC02UC"
    "ZzuBhlEb1q480N3VlFlk1QmjqrNLE1IVliO0nTO+d68/5f19romgy+EUEPPcDNxy6oy6WN"
    "lwQPHycJnLOUPQS8+fUcwyatz6QoQaiu7nQEY9fL1342LDUH/eKu2wmSWv22u/YIlGDZSs"
    "Nt8LhXYcXOedzTaoQMo9O00MSga5yWSFVoU8c+j9OZf8W5hQFSI4ZlmnYqOboFZfvrwHNi"
    "V/6GLtjA2U7DndOB7V8H+PtGJ5xSoFhWZ3XwBEPFWZAgAjG6shDHPUCieiNH1EOVsXkdXT"
    "KBo9HEjZ5DC1Ultlr8vcDAJFb8rvM2JrJDKtfTq0/Tyc0NK3UXfrg1PxDR7xR9CATAl08g"
    "JzIN/UUZbhRr3zFFLeV7d9QA0L07w4qd0Mi4iIlYbZBkM08JbO4cmzuieI+xrWurQY7CHV"
    "wZlinaajymTV+2lMb8WtTl0f7h+8OTg+PDSDWLzpRpZM8rwg/YdiR1sQRJlwWrijLs6OhI"
    "QG4io4prHNFrKf8deagkEA6G9xDdfaEKUvslFaT2sxWkyB3d3HqxxYJpggTcQpKi6Yu+zP"
    "7+fzCmZXc="
)
