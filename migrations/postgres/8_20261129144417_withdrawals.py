from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "withdrawals" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
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
    "created_at" TIMESTAMPTZ NOT NULL,
    "decided_at" TIMESTAMPTZ,
    "settled_at" TIMESTAMPTZ,
    "customer_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_withdrawals_custome_9ba501" UNIQUE ("customer_id", "request_key")
);
CREATE INDEX IF NOT EXISTS "idx_withdrawals_custome_480401" ON "withdrawals" ("customer_id", "id");
CREATE INDEX IF NOT EXISTS "idx_withdrawals_status_f7737f" ON "withdrawals" ("status", "id");
COMMENT ON TABLE "withdrawals" IS 'A customer''s request to take money out (提现): the amount held until staff decide and the payout settles.';
-- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_fee_adds_up" CHECK (amount_minor > 0 AND fee_minor >= 0 AND payout_minor > 0 AND amount_minor = fee_minor + payout_minor);
ALTER TABLE "withdrawals" ADD CONSTRAINT "withdrawals_sources_add_up" CHECK (from_balance_minor >= 0 AND from_rebate_credit_minor >= 0 AND amount_minor = from_balance_minor + from_rebate_credit_minor);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "withdrawals";"""


MODELS_STATE = (
    "eJztXetzo7iW/1dU/nK7qzxdifPo3MzWVnnS7pnMpJNs4p7H7UzRGOSYDQYPj6Sz987/vh"
    "IvI16RBNiYnC+JDToC/44Q533+PVjaOjbdd2Ndd7DrDk7RvweWusTkQ/bUEA3U1Wp9gh7w"
    "1JkZjFXDQTgcNnM9R9U8cmKumi4mh3Tsao6x8gzbIkct3zTpQVsjAw3rfn3It4y/fKx49j"
    "32FtghJ778SQ4blo6/YXp7X74MfBc7iqHTKxmuouO56pve4E86bvWgzA1s6szvCIcGxxXv"
    "eRUc+8G4P7e8j8FYeiczRbNNf2mtx6+evYVtJQSG5dGj99jCjuphegXP8elPo3cewRD/2v"
    "BXrIeEt5+iiW96DcVMWR8bKMrl1VS5nUwVZSAAnmZbFHhyqyEj7+ktfPfP0ejg4P1o7+D4"
    "5Ojw/fujk70TMja43/yp93+HN7NGK5wqwOz8x/PLKb0hm3A35Ds98HdAo3pqSBVwaY2+gz"
    "VjZeAQPpYJZwvVKWYBQ5ThBPmJWU7EuFexIj6w5sV6bW6CGUv1m2Ji695bkK/HhxU4/zq+"
    "OftpfPPm+PAtC/ZldGYUnKKwr2FeEYiwCMQJQQ/hHe1xwDvaK4WXnsrA69iPhqWJIZyi6S"
    "HIByMOkA9GpSDTUyzImuE9iwAcjwdwOcDVDXoDmtA2nKbZHMiDwY5CTK6FsRDAa4oeruHR"
    "Ht82XLUP5zdi2/VUk0Coi+3FLFnvFvM+D9T75Ujv54BOidZ56dm2TaxaJeIzQ5hBekYo24"
    "I6OdIC2lVi8dXVBZ156bp/mcGB84yQfPn50w8TAn+APhlkeIzsnHoBOphioqgFmH8gZzxj"
    "iUtehQxlBnQ9In0Xf9jBraWCAdPzT5Pb6fjTNcOFD+PphJ4ZBUefM0ffHGcehWQS9Nv59C"
    "dEv6J/XV1OAjjJ5nHvBFdcj5v+a0DvSfU9W7HsJ4VowClM4sPxIYbN/kqXZDNLCWzuNpvX"
    "dgp+40OK6GULxA4wdHNGCGr/mT8U2iAoqHk2fLQdbNxbv+DngBXn5L7VYnUtsoR9jqbZMR"
    "b8Ha+x+OggsUM56lNiMEsvPfLbyS/G4XvqbHx7Nv4wGQQIz1Tt4Ul1dIWBmp6xR3bmSDI2"
    "f2o5WmaPqJZ6H4BDfwW95wj1GzwnD+Viaj9ga1Bgn2TOD6uMlE44UvHoUD5L5WCMIioUUA"
    "2R65FloyPbMp+R6iLDc9HtT+PvRkfH3yPH9uiyICc1MpW3wBZ6wCuPkCKdgKl5ZDKC8rtB"
    "hm/tXYXHnupi1yW/lrIejKjdNKIGq0JZqO5CROlhqZrRebbLjJaNqIbr+lJyGUMIYlmnxb"
    "Jo+5TgMkvZAJujZwe43DyXUy81ofcWSwcieFMieIRrA1L47XqmHWMEryDOrsEuyeIx9gVi"
    "eIot5RJ49Ms4Ze8rCyOXrA2sf2dYRLZ9NDR8ilQyfGkQudieh6IwgZwVn928gF1vKsGoBA"
    "c/EtrgPQECdTcFarC0vgopwFRdTyFPpgyjs7TA6k6zGn9bGWQ6CUazlMDmTrM5eM0S4UQs"
    "noyl6p3394DL035Q4Wk/yHvaNZMG4CnGSgRohqh3OB8eccB8eFSKMj3FgpwSFQV3LZYSjB"
    "Fd3rRiXhHR0S3SgasCYbOUUg9Vx3jbdiAWeF67YvYBz2vLntf0JpP1bmbWfkT/8ZcbbKqe"
    "UbidlPhUe4L7323axoI1WmAYi9duuVWMsr/9xBmwRHXSEoWXqmGKiAQJQSOSQIf8uaMjHo"
    "cuGVUeL3yUc+ku7ZlhCoUKryl6B3DjaTHBfwFs4/G90wz3uTTw/QoNfL8g1l113SebvJdE"
    "Az9yhJBdwJldoD4vqf2iBvIlE/RPbWuFAYarEPnHeCzYVV5KOljTbTDnIN7MdzblgABHlK"
    "/5XBzvhAxSPATx9lfYKVaMX8Q8TQq4C+BOcFsa6+ADFvafb68uS/ZzlixrZjU0D/0HmYbb"
    "moFo8F9z39IopmjmG6ZnWO47er3/bkuuqWAHhYlhR7yVv/k0/j27y59dXP2QtaXSCX7IMO"
    "YJawvVU+wVtooU0fJXbY6wb+J68/GtEPUgs+x3zt0A+WWvgs2hnViGzSwl+A67xuWcQ4XH"
    "/s+UYJI3/afKPe3ms523+hfEhdcEqX8xyAxI6tzDjuKqZu3FRCe6Vc0dflVUI2U7euS7kQ"
    "fpis7RV4BMrN/T2CtNs31KVwupi2CycTjXzr6WqgF7MryF7qhPqlkTrN+Sifq0ttr04I59"
    "3fBusEYe6kFRIcTU6WFlMUQ6UHGCkZsoiEhmtoP4AXLmC7kNh4yFzIOO+nvFpXVQxjoqpj"
    "MiU/AMPhAkRWxYLFUPvXT7xzxu0SzjUl7R46wNK9nshPawNJVUdF/HRIlN7mUM9oU5nJUL"
    "vFhI6cPibt5AG727BQBeU/QQ4P3RCc/2MTop3z/oORZjm0z0qJp+gYu53A/EENXyAnVsI9"
    "m0u8fCT+LoM0SAvjz6MgkItRIPuhyzdcQVwHJUEcBylA9gcTD5na5XKKBUoZym6h3SLXgy"
    "ITmtneQ0AddDq4UmVEuf2d/OTFt7GBRVm0ifH1aWnAhHKloylKPmm0tgNzFy7Cf0xtDR/t"
    "tTtCCf56pD662haE4UzIkc33KRusCqHtSRwKqJAs18kGFik/M2HO7/Wmw/o/3D94cnB8eH"
    "iZqUHKnSjl626tjzuYtpuQAxtZQh21zW2V67KG9YK6UIilvV1lRgWeu0ZY0yavYsUcgrRQ"
    "Ymn1r5nNuRAc4Ia+5t57no/Z+cq3z3a+EoYyNtqVaqE0iXUEV1uy+G8pd097OVNmdZayNf"
    "yTX9exF84/G9q0zbUjaYJ5iK5LWa+7XNRFEeVZeMqkgUzVViIWKLUezdKN2d0yS9Ed5rqk"
    "gQbP7KxPO12CMk2TBkIJ7XEs+zzMhzQrjgSlq+3i0+8NZcYRYgU3XlhjwTN+dnU76yK9rC"
    "MHUHF7w3RIL1+oc3u0k4tu5rdcM/r8NZeoRRm+pzjFaB9pwCslx5TvOsZdWZ7EZeaANNvf"
    "qDYMb1maVhKSvH0LBCPtlO9nQQrK6EgcHBqUj3jy1A0UhQzbupmoPqmATMcamOxxWq43FO"
    "dfQMT6wGTkLQQ9NHK3Ur0neWw3mKv5VsIhmyHvikq1Sbye9TRqvJRbQkms3F1eWP8fBsmE"
    "u25278Bsiv7YnlL3PyLruNJNQbhP7DzfjjVBD/kOgUBf/urPHZ9PzXySkK/5PvBEfy4QM5"
    "En3KOp+3FKzrkevPfK8oj6w83IulgpoL1Q+NRBiYsSQioxBL1hTAjsbZkRVtheTQAuLe2C"
    "I3HEhAN0N5PuSJgQ+SAR0pXU6IBxlCwF82oEZ1tIVSojWUS7NZOhBnxcXZEMKZrT9LIB+T"
    "AfDCwIO3SooVu+atgtJIr4LNGeMvvwSRIQTHZEOOSS3l3wLX5AuuycwirOGcfFQdQ61ddu"
    "XXcJbd3dM263iL4SpwvKWQLHe8pZnGlayCQ/zR7S+f36GvX13P1h6+fkWGFSSVjK/PkeGS"
    "4zbtBW/p6DtEdlrsPGL969fCJJW683FFy4bexXifjSOpwD/XUf/cgy/knguH984710LGP7"
    "jmWnbN2cFNCVm7UyRg7m7c3C1tYt2aebUn23tKHLeXNP6NKLMyfCiiBk1JnheuJBdcwL8B"
    "/CMxVgz8FBF4GeRwj5UGMeDTVIC8HPKQ6gKpLpva0/tkVQbnwatgM2uaElFPGJMWaCdNJT"
    "WtsxVqug74E0i6xgjurCZmDYo2k263moNTaBIPjg+rqzg4/MZwzXc9e4mdf7iI0qE3X79G"
    "3bW/fn2LbAep6J6WWiPnyamgV3bQo5GcHSILP2IHzWxvUWQXb3JqHhN56qUBZvFumsXXTB"
    "Yy4TJU0LZs8IKNHMTrVyF3gXj9OtgcvjPFXlspokYsna/k3ZWTqnmCRkzDqtv3iQp1F2Sa"
    "3X3UeEJG2DWdR+zKwlOb/OHUTj67XG2gOrWUefWS1PPLoZTUVjSCtVeibMTrslrhUJKnoN"
    "nc9y/h7CEUUaRPUjOOEf+zJ0H875z4/5dPGGR4BVGNpQxIk/TJRNSYLd0le4PmFbqFqpqj"
    "p8k22Bg9XvM72xcddCsZBuyc0J166YgEwztgza7tbU29x4XQZ+mAAc2lIjjNVEhzdpEF/D"
    "kITrUXoWCJN4Bq/1INssCyj3WXPDTrZs0FmhPTybmi9SnbOZrDY2OhgOY7SoOiPjjozZ3/"
    "z729vTv/+OB4dOef6KP3b5FNhqKVaugo6Lp8SkbPfYt8s8znIfni+Q4ZQQ6Ex4fUJYO/aQ"
    "vVui9qxrHBC/N4e2LvUrQw4m6u6wo1oAd2Vg8sb/v5cgmiXWj+ObiZfPx8+UG5urz44xSl"
    "vtxZN5Pp55tLJTxGz6W+3lmT389+Gl/+ODlF8afsc8jjUWq+LtHuVY2SYtr/fCaKwyRgS/"
    "TxzhpfX99chaWiok+UiT9PzqKB4ac762x8eTa5uKAHk48Ju29/Or++nqz5HX1PLYezSViP"
    "KnOAjqBL4/zyx3ghkY/x0ZAg/BQfUz6Ozy/WJ6Kv66W1vpfsEZmlNuJxXo7KnZejnPOyrO"
    "VeeTGHXrXc23QdByht1alcn1AikklvyFKCAiyfYeI7Dra0AjN1Ra/EFE2X33KSQSoHHNv8"
    "Qekuf5Df5KkOoBCl2TGKPIFVnT+zlI3EA3UK7Obltwg1qlsS+fleISLbTAr3ghn6h3/zEV"
    "mxdiuz4oto+4d582s+wa3Gqq+ao388aH7dW7YnVBEvHg+CPBRk2wwrds0xCUGfr4LNGeu2"
    "gA+aJQQtUFoLDHwXwvinqQD8pnzQAaoNuEuv4nl2jAm8ztL06ispg1e0yzSALGcw7q4Cm9"
    "lWa5QYbCBaPPEt9z9kvAVvfVmscw5VHq+9QNjz4NZG5O6eEWGD5yJ7jmwLhx5yRGeh9QLV"
    "tJP9ezSnSZJW4hsfBvUEo4AI5GLyxyAQYlXPu+vbvhiPiz4FEzjjO+uMLw/KruJBX+OyN1"
    "7UB/w9W2dCYuWTDT0tmQBqjMlyhH1zCPEiRwoPRk0VmMoLknpwihTY0JQyvF7hDehtTJzq"
    "jnGDV3nLbQkcqvF6/TZlduiZspYFOffAC+vIbWp/oeGnQOtLLELl2l7wyzbR1jmV9Bu3X2"
    "ZDmvG3leFgN+n2nO7+DNpVJ7UrcZ9zTQ9zx5jARhGNeMKIRuVxRKNXGZh8PQmifpXr8R+f"
    "JpfTU5Q5cGddj88/kMPk752VxPcmQcYfJhfnv05u6LHk4511dvXp+mISRDEnH4vDmLPGpW"
    "0FBgcKbz2O5ybZYKTBTXDt2+DS7y4jx6HIOqA0p4j+pRy/mZ6PLyjTgw931sfPF+Qr/SvD"
    "r+bjbyCKsu0oStefebanmjLmozwtKGjSerK7MFYrGh0mw4gcLTBCmhGPtq8R6VrRDTfoai"
    "vDkPI5gDHSjFnZ9PoK0XBEiwSzhMCCuiyo82iUTgFskWaL9BscXt/NOeFmBCJFc7BueMFW"
    "I+eQK58FmCPNnJlqUk1Omi3F9MCQGt5SDzsW2Xp0X6orWTE9METeWarrDnaFcnhTJJtP4t"
    "1OCHgr6bqG9WgbWoGLqCJ9ek1SC/qOxQlsGnnILNpYZlHK65QDvDrlhKWElJNup5xAAtlr"
    "YDMkkL0KNtPyaxI8TpE1wODdkVF2jr+B20DqMWYpgctd5rKOTeMRO1J8ztICp7vMadojnA"
    "bLSclfGVrgdKc5Tc2RpinH6QwtcLrLnN5K56auCdWdCJkv7jcESc58TYfEEpwzJa0bSHPu"
    "EeSsYe0RW15NkIL49QmdqK8oNZAw38f8i4y2/7ysv5auw1n6ClIY+1sTozCIt68QUdtAAw"
    "vpNpqmTzC1np0UbuJlKUrJFv9CnpKyfqm8XJHiysLkx6mWawQlle05LQARFol4YzuIVo4I"
    "bPvk5NtT9LRQvSGaO/aSfMQOIbXDD0M0eyaf7OWQfrfyxShavA5PXlW6Kg4UouhsqlQAYA"
    "7/irbg0fg+Jgo0nihFH6eauTOZKTpc/xQypsIHyq7JcWaCLj9mwPBQ9dY821HqdNdhZ+g0"
    "y88+306vPk1uCBeiT4Sx0/HHj4St9B/59sftdPKJfA3+y7Co+ay4EGDhoiYpKqgqIxsoCT"
    "FjG4sZE3dtQFTJDng0oCZud3waUBOXz6vBURN3izVpyqqRMibrl2w+AkVIx2H5T9VFM9u/"
    "X3inyLXUlbuwwyqhtOanRhR0075Hqke+kj9Lm9rygoad1FLjEkES07FY1RYosjyT/45X0D"
    "S07auJmn/IhhjYoMAI1FEjUMKgHA8qslLXJH16vYz2D98fnhwcHyYMSI5U4Q4d1TuyyFOL"
    "2rF1XxNnAEsHDJBPsja8omqJFbblmKDLJhBJ4/Job4/H8LS3V255oueK9xhhpHOEgDgf4u"
    "6DL4JzNLyH6DbftswO7kgoozZFAm1xq81JEtmetIuBsnIMTSrjvIgaXqbSL1NoGADlYl4z"
    "C+ICYTVqiwEbGqtnJV/GCpjQdOmk2lWTgCXNFUyqUSsJ2NBgmaQ6JZKAEY1tUTPVNaTeFs"
    "X0wBBphoATGZzIXWHCRpzIhX2toA/odnIt4iSnAp97Kv+p3OOeTrXicLfThprhyzxxXqfT"
    "H1QPqWjl2I9GkAxBi1SGmQ/UNR5fCrmmoWFkW28LPOwtXEDIqf5neYsacLF308UerQYR70"
    "GapocuhBa6XyxUy8KmCMYpEoCYA2JyKR0r4g2WsnTQZikDdT57SF3KlozPUoLoLq03QUOd"
    "1hvqVGRLlXjVdyI9qjNbdpiCL1tfP0u7ub1kr1cbSSzMKUFOthoEDhTaY16WBwum6HBeaG"
    "cCTDTTIHqXslIddSkUZpIjhBri8lElUNhahhU7l7QEha1fBZuhsPWrYDN4j8B71BUmbNh7"
    "tNkCZt0UDjfrLIrAKvAVrWEsdxWl+PWyp+iTbeFndG8TDBC9eVr1KsiP9F3PXmKHfHFoDi"
    "Ui41BkKj4NRhAsqNdnbjiuN6RHrNC5E6lo/3ARUdGesJN3Hm3omnX8SfGRlOcUSnh11rUU"
    "tVcXt8nnCMEo/6JRHlxM7VfrYXYdoY0lRwp1e2TtleB96gATwPsE3qcd380drLpFlSWqxJ"
    "KYogc1wFh4T3hSkk/KM5JPcgnJiU8oEuYkPUoMNTiTOJxJYN9+DYZPsG+/CjYnYQ7ifM6Q"
    "QnOoLvMZ/BjbjIAJA9/FCzIxdKDRgx+pa36kglXeALD8nYE6trx5kWUf7E6VCU2a6RR4od"
    "KNdsr9UExXnxc9UeXYivtxNNVxjPCRpBd9INPFNn5w4XTThZNiGbeZb00Cdii+xBXmURCA"
    "uoC0h5A3byOp1wdlG3bWQdSbRNAaOMj3Njm/VKY348vb8+kpWn9Oep6cX/6YND0hn8t6oV"
    "zfXP1wQbtpRB/urJvJ9PPNJR0Wfxp04vECe9hL4lAvFGiwh70KNoOdBPT0rjBhw/GeTfSH"
    "jjXE3rWI3oTKXdqSNYfqy8q3TGPWQNRH4esqqOqB4tnQm7lhmlinHVFp4GUyOHajDhFZGd"
    "gpqBjS8Nw8RoEEg/CRgNogndX+oW9XL4Wo3VN/xRkLmi8DSI7X5X0OM2Q9CHWqenbbaHeY"
    "ecHxv70yhKCqNKWquCnPSE1tJe1k2TFW8CosmWXYKf/Xz7ZPq9tNLM95LpLFmfOVojiRae"
    "+JXkZ+p2Pw9suj0vLSfsRxYb1H1fTxadCajr6kCfgucv0lzZz6P+zYaIUdRPtNfI+eHMPz"
    "sIVssriGyCLivxPkUJEfWSyUt3MZHvlcU303eACCD5Bg1V35nKhfy5Xt0aB65QELBeMXkP"
    "YuyWp/dMIjU41OyoUqeo59uc/J9bGzcoyit0k53hmyLovOnXHTJRsRv+s5IughvC1kDMbb"
    "u9AOnqaCkDfZkMMlXtoiKzse3wNtbAPN8IgMZzvKg2EJ5ZywVD3cQlrIiA0gE06GTVHBFi"
    "KdggmBDX011uYsGTz+wVgzrOchvA5n2V2mb9Y3eBEYEcaaRjPLBwX2CHbAkMMgoYZjeVsK"
    "oJAMRWSnSE0KttC6K66LPWQ71KH37Hp4GY8boifDW6CgD6CLNFVbxK0A0laGgg4D7V+vwE"
    "bxZRBfI3ptaAS+0CyRMl2AlaKTVopoBYhaKDJkvbNOtKAv04dCAOF4fA9F3ea1ZWpfFQE3"
    "Ht9DcHmsauU2tZxFbTdbFParCLiOZ3IdOzOEgL+0MifZMnV7vVJ7xwFQp/upTrOFqxg9Qu"
    "A5YwnBbtVQaEaMa54bwqEZn12uOPKOcYE3KiOzAGtEkoOlaAuWohiuAhtRCskXrUNp3nE1"
    "nAyLHgYWFqzTiBFavTfSrWlMN/1KY2Ceh0i19CDEOzr7DxdF8jX6X7L2UFDDEhleYdvJli"
    "7DE68STJskmcdmg/ApSVLP2YcHYlo6ay2CF/S2JWEosNoBJsSWjbBwcA3TSGYCYIn8c8G8"
    "WUTc3Wk6YIA0A5IXvRD8aSoAvym1DccB1jV1tmy89o7xgld5Sy9Cjlpd6tpfXBPfnP+5pw"
    "Czm2ynUhZ+M7yFTm5WNQcFyl/q7LBK/3tKxnFHBqT88g4m3CTKFW3poj7Q7ALa68X2PfTm"
    "zj8+0Pfu/PcHs723YT+XSJlbkJ+HyAfDRGSZzedIx5qh40SBW6nPdAYXe56JC2MFNnwHd9"
    "adNSWH42s9kCsYLgrXcpAlEd/QELk2UslA8lgi07buI7WTTHpnReTkplNR8mSsZjs6Cps9"
    "6uR+DNOM+tq4hI5cx7GfuAMYomsE3u1sHEOhuppvhAMKbCcVWCjc33bQKein25fF51jKYc"
    "+QAfzS8IcvPhkOZCmBCfLPgGMvlRrRK8X0wJB6DHHwjOCkyEdUVM0C0RWS+1VULEhELErT"
    "gGDEIRiRrR0LBYAmBH2Et43k37TWJoBzhqyHaDcfzBxjJplvXUIO0HNAH4mIllCGKkPUu2"
    "D95uPJI7wE26KliaAb2stL2bI9oTdiPB7yrHnyrOeqYfqOEMApEsCYB+PQ4q0rM3HPZ44U"
    "YmIgOhyiwyuiw+MnRpzNLCU02+syl0N3oQyXWUrgcpe5vNVA0q5t0p2IGdp8qkfX2LCpXI"
    "82w1mufG9mfysthp8+PawKaLGDgSKF8Mth5kkTWPkz03AXye4NIRSdDaEI1oSgaSRNA+an"
    "F81Pnr0yNBF8EwIwoXLYndR7IsrcUw9igJMAznnKHgLe/HpewyYcnp+hBHlP3koCuVvb9r"
    "Orz6atFqD/8+3VZalPISbJKrSG5qH/ICI17eIjUIElBYNRY3NdH7INHoasfkonyHZ9ABOh"
    "DCt2zqyQVSNEGJ2lBQNS1zids15sR8c+X+cd/IIL+1xkRgyrNO1Mrf8WlO0vA99dWytWdM"
    "FGtSOK8xvCJApXgd5vndXBUwzlZ0GKCMRoaSGOeYB49UaGqIcqY/M6umAQHwTv8UMLTVI2"
    "BjVNHisxMPH1cuy8jYnskMr1zdWPN5Pb26BzY/zlzvpARL9T9CESALcfgU1kGvqLctwo17"
    "7XFLWU791RA0D37gwrdkIjYwqArNUGQTazlMDmzrG5I4r3GDuGthgUKNzRmWGVoq2ux7Tp"
    "yxbSmF+LujzaP3x/eHJwfJioZsmRKo3sZUX4ETuuoC6WIumyYCUb5nx0xBPmfHRUHuZMz2"
    "X8d+ShEkA4Gt5DdPe5gsj3K4LI9/NB5OSKXmH743LBNEUCbiFB0XSrL7O//x/kL9w5"
)
