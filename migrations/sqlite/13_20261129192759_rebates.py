from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "rebate_customer_totals" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "rule_id" BIGINT NOT NULL,
    "customer_id" BIGINT NOT NULL,
    "earned_minor" BIGINT NOT NULL,
    -- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
    CONSTRAINT "rebate_customer_totals_not_negative" CHECK (earned_minor >= 0),
    CONSTRAINT "uid_rebate_cust_rule_id_30485f" UNIQUE ("rule_id", "customer_id")
) /* What one customer holds under one rule's per-customer cap (over the rule's life). */;
        CREATE TABLE IF NOT EXISTS "rebate_switches" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "pause_new_rebates" INT NOT NULL,
    "pause_releases" INT NOT NULL,
    "updated_at" TIMESTAMP NOT NULL
) /* The kill switches (one row, id 1): no new rebates; separately, no releases. Audited when set. */;
        CREATE TABLE IF NOT EXISTS "rebates" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "order_id" BIGINT NOT NULL,
    "rule_version" INT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "payout_form" VARCHAR(16) NOT NULL,
    "minor_per_point" INT NOT NULL,
    "original_amount_minor" BIGINT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "budget_reserved_minor" BIGINT NOT NULL,
    "released_minor" BIGINT NOT NULL,
    "clawed_back_minor" BIGINT NOT NULL,
    "unrecovered_minor" BIGINT NOT NULL,
    "snapshot" JSON NOT NULL,
    "computation" JSON NOT NULL,
    "lines" JSON NOT NULL,
    "eligible_at" TIMESTAMP,
    "activated_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "customer_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT,
    "rule_id" BIGINT NOT NULL REFERENCES "rebate_rules" ("id") ON DELETE RESTRICT,
    CONSTRAINT "rebates_amounts_not_negative" CHECK (amount_minor >= 0 AND amount_minor <= original_amount_minor AND budget_reserved_minor >= 0 AND released_minor >= 0 AND clawed_back_minor >= 0 AND unrecovered_minor >= 0 AND minor_per_point >= 1),
    CONSTRAINT "uid_rebates_order_i_77b01d" UNIQUE ("order_id", "rule_id")
) /* What one rule pays on one paid order (DESIGN §3.6): one per order and rule. */;
CREATE INDEX IF NOT EXISTS "idx_rebates_custome_3db319" ON "rebates" ("customer_id", "id");
CREATE INDEX IF NOT EXISTS "idx_rebates_rule_id_ec89ef" ON "rebates" ("rule_id", "status");
CREATE INDEX IF NOT EXISTS "idx_rebates_status_92b9a0" ON "rebates" ("status", "eligible_at");
        CREATE TABLE IF NOT EXISTS "rebate_installments" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "customer_id" BIGINT NOT NULL,
    "seq" INT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "due_at" TIMESTAMP,
    "released_minor" BIGINT NOT NULL,
    "released_at" TIMESTAMP,
    "entry_id" BIGINT,
    "voucher_id" BIGINT,
    "rebate_id" BIGINT NOT NULL REFERENCES "rebates" ("id") ON DELETE RESTRICT,
    CONSTRAINT "rebate_installments_amounts_not_negative" CHECK (amount_minor >= 0 AND released_minor >= 0 AND seq >= 1),
    CONSTRAINT "uid_rebate_inst_rebate__598ff3" UNIQUE ("rebate_id", "seq")
) /* One release of a rebate: ``seq`` 1..n, due ``due_at`` (set when the rebate becomes ACTIVE). */;
CREATE INDEX IF NOT EXISTS "idx_rebate_inst_status_a8f30a" ON "rebate_installments" ("status", "due_at");
        ALTER TABLE "order_lines" ADD "unit_cost_minor" BIGINT;
        ALTER TABLE "order_lines" ADD "category_id" BIGINT;
        ALTER TABLE "vouchers" ADD "rebate_installment_id" BIGINT;
        CREATE UNIQUE INDEX "uid_vouchers_rebate__0a5910" ON "vouchers" ("rebate_installment_id");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "uid_vouchers_rebate__0a5910";
        ALTER TABLE "order_lines" DROP COLUMN "unit_cost_minor";
        ALTER TABLE "order_lines" DROP COLUMN "category_id";
        ALTER TABLE "vouchers" DROP COLUMN "rebate_installment_id";
        DROP TABLE IF EXISTS "rebates";
        DROP TABLE IF EXISTS "rebate_customer_totals";
        DROP TABLE IF EXISTS "rebate_switches";
        DROP TABLE IF EXISTS "rebate_installments";"""


MODELS_STATE = (
    "eJztXetX20iW/1fq+EvDWYcFQwhDz+45DnHSTBNggXT3bHuOLEtlrEVWufWAMDP9v++tKr"
    "1fqGTZyKK+JEaqW5J+t1S67/uv3oLo2HT2hrpuY8fpnaJ/9Sx1geFH+lQf9dTlMjpBD7jq"
    "1GRjVT4I82FTx7VVzYUTM9V0MBzSsaPZxtI1iAVHLc806UGiwUDDuo8OeZbxh4cVl9xjd4"
    "5tOPH7P+CwYen4O6a39/vvPc/BtmLo9EqGo+h4pnqm2/sHHbd8UGYGNvXEc/Ch7LjiPi/Z"
    "sY/G/bnlfmZj6Z1MFY2Y3sKKxi+f3TmxQgLDcunRe2xhW3UxvYJre/TR6J37MARPy58iGs"
    "JvP0YT3HQExVSJjvUU5fLqTrkd3SlKTwA8jVgUeLhVzsh7egvv/jIYHB5+GOwfHp+8P/rw"
    "4f3J/gmMZfebPfXhT34zEVp8KobZ+Zfzyzt6QwS4y/lOD/zJaFRX5VSMSxH6NtaMpYE5fE"
    "kmnM1VO58FCaIUJ+AR05wIcC9jRXAg4kW0NjfBjIX6XTGxde/O4c/joxKcfxnenP00vNk5"
    "PtpNgn3pnxmwUxT2COYlQIRFIA4JOgjvYL8CvIP9QnjpqRS8Nnk0LE0M4RhNB0E+HFQA+X"
    "BQCDI9lQRZM9xnEYCD8RLcCuDqBr0BTWgbjtNsDuReb0shhmthLARwRNHBNTzYr7YNl+3D"
    "2Y2YOK5qAoS62F6cJOvcYj6oAvVBMdIHGaBjonVWeibExKpVID4nCFNIT4FyXVCHR9aAdp"
    "lYfHV1QWdeOM4fJjtwnhKSL799/TgC+Bn6MMhwE7Jz7ANoY4qJouZg/gnOuMYCF3wKE5Qp"
    "0HWfdC/4sYVbSwkD7s6/jm7vhl+vE1z4NLwb0TMDdvQ5dXTnOPUqhJOgX8/vfkL0T/S/V5"
    "cjBidsHvc2u2I07u5/e/SeVM8likWeFNCAY5gEh4NDCTZ7S70mm5OUks3tZnNkp6hufIgR"
    "vWyB2AKGbs4IQe0/s4dcGwQFNcuGz8TGxr31M35mrDiH+1bz1TXfEvbNn2bLWPBnsMaCo7"
    "3QDmWrT6HBLL704NnhiTH/Tp0Nb8+Gn0Y9hvBU1R6eVFtXElDTM2RAUkfCsdlTi8EifUS1"
    "1HsGDn0Kes8+6jd4Bi/l/I48YKuXY59MnO+XGSltPlJx6dBqlsreEPlUiFH1kePCstERsc"
    "xnpDrIcB10+9Pw3eD98Y/IJi5dFnBSg6ncObbQA166QIp0AFNzYTJAea+X4tv6rlLFnupg"
    "x4GnpayXRtR2GlHZqlDmqjMXUXqSVM3oPK/LjDUbUQ3H8WrJZQlCKZa1Wizzt88aXE5SNs"
    "Bm/92RXG6ey7GPmtB3K0knRfCmRHAf1wak8Ntopi1jRFVBPLkG2ySLB9jniOExthRL4P6T"
    "VZS9ryyMHFgbWH9nWCDbPhoaPkUqDF8YIBeTGReFAfKk+OxkBezVphKMSrDxI9Cy74QUqN"
    "spUEtL65uQAkzVcRV4M+swOk0rWd1qVuPvSwOmq8HoJKVkc6vZzD6zIJyIxZMlqTrn/T2s"
    "5Gk/LPG0H2Y97ZpJA/AUYykCdIKoczgfva8A89H7QpTpqSTIMVFRcNdKUkpjRJs3rYBXID"
    "o6eTpwWSBsmrLWS9Uy3q47EEt6Xtti9pGe1zV7XuObTNq7mVr7Pv3nn2+wqbpG7nZS4FPt"
    "CO5/rtM2xtZojmEsWLvFVjHK/vUnzkhLVCstUXihGqaISBASNCIJtMifO3hfxaELo4rjhd"
    "9nXLoLMjVMoVDhiKJzADeeFsP+F8A2GN85zfCgkgZ+UKKBH+TEuquO80TguyQa+JEhlNkF"
    "FbML1OcFtV+sgHzBBN1T29bCAMNRQP4xHnN2lZeSDiK6DeYcBJv51qYcAHCgfM1m4niHZD"
    "LFQxBvb4ntfMX4RczjpBJ3AdwBt4URBR8kYf/b7dVlwX6eJEubWQ3NRf9GpuGszUDU++vM"
    "szSKKZp6hukalrNHr/ff65JrSthBYUqwI9jKd74Of0vv8mcXVx/TtlQ6wccUY56wNlddhS"
    "yxlaeIFn9qM4RdE9ebj2+VUQ91lv3WuRtkftmbYDO3E9dhc5JS+g7bxuWMQ6WK/T9Rgqm+"
    "6T9W7mk73+2s1T8nLnxFkLoXg5wASZ252FYc1Vx5MdGJblVziz8V5UgRW/d9N/VBuqJzdB"
    "UgE+v3NPZK04hH6VZC6oJNNuRzbe1nqRywJaHDFZOsCtY1m+iCbGPsQiWkXLJUvOWKKN2R"
    "5bdlVxF6JJ42X3l/+oXP0lWQngx3rtvqk2quiNOv4URdhcrGU3iilWNL6CRdgmidUSVDTz"
    "fcG6yBoNHLK84aO90vLdBKByo2G7mJIq0wM2ExTXDmd7gNG8bKbKiWxqCIWxCkgailpoOE"
    "GsfewQdAUsSunqTqYOTAwXGVUI0042KRGsdpu3q42QntYXGqWhHHLVNvNrmXJbDPzSsvXe"
    "D5AkoXFnfzTiP/2y0AcETRQYAPBidVto/BSfH+Qc8lMSYw0aNqejlhL8W+6QTRSp7plm0k"
    "m3ZBW/hJHP0EkUS/Pvp1kqJWSoZqcxzp+0pBde9LgureZ4PqbAzP6bi5AkoZynGqziG9hu"
    "gKmTC7noRZAXfoWovfqJY+Jd/PTKI99PIq4MTP90vL4PCRihYOrVCH0gHYTYxs8oR2DB0d"
    "7J6iOfyeqTatAYn8ORGbE9me5SB1jlWd1bbBqomYZt5LMbHJeRtOQXortp/BwdGHo5PD46"
    "NQTQqPlGlHL1t1yGzmYFrCREwtTZBtLhN2f70ob1grpQiKW9UiKmlZa7VljTJq+lyjuGCM"
    "TJp8Vsoxfx0Z4AxYc0/s57zvf3iu9Nuv8VHGRlrlLVWbSZeysvPrfhiKP9Ltz6DcnGVtHT"
    "mUjundi+AbjO9ctew1Zai6gumR7lrzUV8zeb2KqgujSpLXM9WhQGwx8r0bhbtznKQzwvuK"
    "KpJMgHlj4nkk9ghJNgkyKZ6vJJ6nmZHlhHARqLh8vV18KIoc66fqQCUWYKIS1A28EzfnZ3"
    "fVSkFpc8PUbZzz3RAJ1Ose3slNwia6p60cZc1n6RBG61SfA7RytOcYkMXKc5xna1adYTdy"
    "uQ009ulnwYzRmYVhKUvb0LACv4idPs0SaBSerMBO+bp/YAHyR0rVvJ2quVQdw4C5SqrjcY"
    "nqeJxRHV3DFavLFRJ00PSxllo68TvL4HyHvxdsIimyDviky1Sb0W93Ca0mE9ESajYXV5df"
    "guHpMJd0H/DgC5Bd2yPLW2Tk3eQ2ElJvEPpPN8PPd4L4c6JTxP4bW8Ozu/NfRqeI/w9/A4"
    "7w4xMc8X+lnc+vFKzrwvWnXm4eS3G4V5JK1oEpf2lqhIEZCxAZhVgSUUh2NM6OtGgrJIfm"
    "EHfGFrnhQAK6GdbnQ5ZY8qFmQEdMlxPiQYpQ4l83oEa1tblSoDUUS7NpOinOiouzHMIp0Z"
    "9rIB+QSeCFgZfeqlqs2DZvlSzX9ibYnDL+VpcgUoTSMdmQY1KL+beka/IF12RqEa7gnHxU"
    "bUNduRTUL3yW7d3TNut4C+DKcbzFkCx2vMWZVilZBXP80e3P3/bQZOK4RHuYTJBhsaSS4f"
    "U5Mhw4Doydq5aO3iHYabH9iPXJJDdJZdX5KkXLcu9isM8GkVTSP9dS/9yDJ+Se48M7551b"
    "Q8a/dM2t2TVH2E0JWbtjJNLc3bi5u7aJ9dXMqx3Z3mPiOFnQ+DdQZuvwIY9aakr1eeHU5I"
    "Ij8W8Af1+MFQM/RiS9DPVwD5QGMeDjVBL5esjLVBeZ6rKpPb1LVmXpPHgTbE6apkTUk4RJ"
    "S2onTSU1RdkKK7oOqieQtI0RlbOaEmtQtMH9eqs52LkmcXa8X17Fwa5uDNc8xyULbP/gIE"
    "qHdiYT2sMRAJlMdhGxkYruaak1OA+nXPKALdY3Fs72kYUfsY2mxJ3n2cWbnLqKiTz20ZBm"
    "8XaaxSMmC5lwE1SylWLvBRu5FK/fhNwlxeu3wWb+zRT7bMWIGrF0vpFvV0aqrhI0YhrWqn"
    "1nqFB3AdNs76tWJWQkuaaziF1Z+I7APxW1k29OpcZPrVrKVfWS2PtbQSlZWdFga69A2QjW"
    "ZbnCoYRvQbO577/z2TkUfqRPWDMuIf6nT0rxv3Xi/x8eMMhwc6IaCxkQJ+mSiagxW7oDe4"
    "Pm5rqFCDGxahVlQERkKVynQLcuYIM1v1mZ7+PV1UVC3Pt4nk5x+Pb14+hm54DJeTDIcAt8"
    "QVK3qsOArRO6Yx8dkWB4W1qzV/a2xr7jQugn6SQDmktFsJupkGZvIwuq5yDY5V6EnCXeAK"
    "rdSzVIA5t8rdvkoYkayOdoTonu8iWtT5Pd7Ct4bCzEaN5RGuT3wUE7Y+8v+/v7Y+/48Hgw"
    "9k70wYddRGAoWqqGjlgn+FMYPfMs+Msyn/vwh+vZMAIO8ON96pLB37W5at3nNePY4IWreH"
    "sC75K/MIJurlGFGqkHtlYPLG77+XIJom1o/tm7GX3+dvlJubq8+Pspiv0xtm5Gd99uLhV+"
    "jJ6L/Tm2Rr+d/TS8/DI6RcGv9HtYxaPUfF2i7asaVYtp//MNFIcRY4v/c2wNr69vrnipKP"
    "8XZeLfRmf+QP5rbJ0NL89GFxf0YPgzZPftT+fX16OI3/7fseVwNuL1qFIH6Ai6NM4vvwQL"
    "CX4GRzkB/xUcUz4Pzy+iE/6f0dKK7iV9pM5SG1RxXg6KnZeDjPOyqOVecTGHTrXc23QdB1"
    "naqlW5PlwiqpPekKaUCnD9DBPPtrGl5ZipS3olxmja/JWrGaRyWGGbPyzc5Q+zmzzVARRQ"
    "mm0jzxNY1vkzTdlIPFCrwG5efvNRo7olyM/3Cohs01q458zQPfybj8gKtNs6Kz6PtnuYN7"
    "/mQ9xWWPVlc3SPB82ve4u4QhXxgvFSkJcF2TbDim1zTMqgzzfB5pR1W8AHnSSUWmBtLZD5"
    "LoTxj1NJ8JvyQTNUG3CXXgXzbBkTqjpL46uvoAxe3i7TALIVg3G3FdjUtrpCicEGosVD33"
    "L3Q8bX4K0vinXOoFrFay8Q9ty7JQju7hkBG1wHkRkiFuYeckRnofUC1biT/Uc0o0mSVugb"
    "77N6gn5ABHIw/GMAhFjVs+76dV+sios+BpN0xrfWGV8clF3Gg67GZW+8qI/097SACVOASN"
    "FsrBu1SosVTNCZwj8b5sdUNamwWYcTGVLJg7o1r4z8OthlBV1CGol6PdRDf0PdIPiCCWS1"
    "w7ocScqwQrzIkMpP9IrGOKq51LTIxUglG5oyy0UrvAELUiJifsu4UdWMlNkSKhjpovXblA"
    "G0Y2ajNMiZF17YWrdOOxQ3QefYn0LbdLHdiT3ZJhrMx8oPBI3gk8kV+PvSsLET9p2P96GX"
    "dp5W2nnEo19WjHVpGROS8YyDKgGNg+KIxsGbTJG4HrH8A+V6+Pevo8u7U5Q6MLauh+ef4D"
    "D8O7bCTIMw3eHT6OL8l9ENPRb+HFtnV1+vL0YsnyL8mZ9QkTZzv1aKAjO9rcbxzCQbjHm6"
    "Yde+ZZfeu/RDGETWAaU5RfRfyvGbu/PhBWU6+zG2Pn+7gD/pv3X41XwkoIznXnc8t+NNXe"
    "KqZh2TXZZWKmi19WRnbiyXNE61DiMytJIRtRnxSDwNpGtFNxzWX7sOQ4rnkIxZ0bCtgIYj"
    "Wq48SShZsCoLVnk1CqeQbKnNltpfcPn5Xo8nmm41q7ujk7NI5qzslq7Llnx6yZAVvKUuti"
    "3YenSvVrBAPr1kSH1nqa7b2BGqJhAj2Xw5gddJRllL4QDDeiSGluMiKinkEJGsBH3L4gQ2"
    "jbzMcdxYjmPM65QBvDz5LUkpk9/anfwmU1nfAptlKuubYDMtBFmDxzGyBhi8PTLK1vGXuQ"
    "1qvcZJSsnlNnNZx6bxiO1afE7TSk63mdMaWSxpsFwt+StFKzndak5Tc6Rp1uN0ilZyus2c"
    "fpUecm0TqlsRMp/f+UyWW6jW/kys1EKquH5q5dcpuNAhyJOGtUecn+0nABKLXx/RibqKUg"
    "OlO7qYf5HS9p8Xq6+laz5LV0Hisb8rYsSDeLsKEbUNNLCQbv1pugTT2rOT+CZelKIUbvEv"
    "5Ckp0Ufl5do4VxaGh1Mtx2DF3cmMlqLh5Wp2iI1oDRtm24eTu6foaa66fTSzyQJ+YhtICf"
    "/RR9Nn+EUWffq3lS2Ls8brVMmritfnkiVxWpsqxQDM4F+cLBCM72KiQOOJUvR1WjF3JjVF"
    "iysxy4wp/kKRFTmemKDNr5lkOFe9NZfYyip9vpIztJrlZ99u766+jm6AC/4vYOzd8PNnYC"
    "v9D/76++3d6Cv8yf6vw6Lms+I4wMJFTWJUsqpM3UBJGTO2sZgxcdeGjCrZAo+GrM7dHp+G"
    "rM5dzatRoTr3K9akKaqLnDBZv2TzESiHPOSFiFUHTYl3P3dPkWOpS2dOeL1iWn1YAwXdJP"
    "dIdeFP+GdBqC2PtQ6mlhoHBElMx2JVmyPf8gz/225O++J1X03U/AMbIrNBSSNQS41AIYMy"
    "PCjJSo1IuvR5GRwcfTg6OTw+ChkQHinDPScrvmZZywaqWbYU2k2nXttE9zRxBiTpJAPqJ1"
    "kbbl61xBLbckDQZhNITePyYH+/iuFpf7/Y8kTP5e8xwkhnCCXi1RB3HjwRnP3hHUS3+QaK"
    "hN2RUEZtjEQ26C43J9XI9qT9VJSlbdQrT59HLT+mtT+msnWJLBfzllkQFAhbobaYZENj9a"
    "zql7GSTJBNfDrIku3s49M5NoRljlYpkSQZ0dgWNVUdo9bXIp9eMqQ2QzQA6J7Yz+JdtpOE"
    "MhCmLgeYQqyBzl1bm04SS07U5YQMqJABFW1hwkYCKnJ7vMnu3K+TdxQk/OXEn8RyAYujT+"
    "JphxVCT2ibay7YhoEc8VQg1UUqWtrk0WCJQbRgK88ComEiwaWQYxoaRsTazYk2WcMFhAJM"
    "/lHcrkmGm7Qz3MRfDSKetDhNB91pa+gEM1ctC5siGMdIJMQVIIZL6VgRbzaWppMtx1JQZz"
    "Pp1EXd9glpSim617chyOZSmZVeZaELNJcqyRwsiDDZilTB1mzZvBxF3V4TaVrZ+712aCYT"
    "5hRWn0BlQTS59piX5cGcKVqcI92aYCvNNEDvUpaqrS6EQq4yhLKefv0IK1nkvQ4rti6BTx"
    "Z5fxNslkXe3wSbpfdIeo/awoQNe482W8yvncLhZp1FPlg5vqIIxmJXUYxfL3uKvhILP6N7"
    "AhggevO0AhzLFfYclyywDX/YNJ8YwTjkm4pP2QjAgnp9ZobtuH16xOLOHV9F+8FBoKI9YT"
    "vrPNrQNVfxJwVHYp5TWc6uta4lvuJr2OQzhNIo/6JRXrqY1l+5KrHrCG0sGVIZMFbXXim9"
    "Ty1ggvQ+Se/Tlu/mNladvCorZWJJQNGBenhJeE+qpOefFGfnn2SS80OfkC/M1fQoJailM6"
    "mCM0nat9+C4VPat98Em8MwB3E+p0hlo7Q281n6MV4zAoYHvosXJ0vQSY1e+pHa5kfKWeUN"
    "AFu9S1bLlndVZJMvdqtK5oaNpXK8UPGmU8V+qESHqxc9UcXYivtxNNW2Df5K0os+wHSBjV"
    "+6cNrpwomxrLKZLyKRdqhqiSuJV0EA6hzSDkLevI1ktZ5Ar2Fn7fl9egStgb1sn5/zS+Xu"
    "Znh5e353iqLfYf+f88svYQMg+F3UF+j65urjBe0s4/8YWzeju283l3RY8KvXitdL2sNeEo"
    "c6oUBLe9ibYLO0k0g9vS1M2HC8ZxO90gMNsXPt0jehche2J86g+rLyXadJMRP1Ef9csaoe"
    "KJgN7cwM08Q67Q5MAy/DwYEbtY9gZWA7p2JIw3NXMQqEGPBXQtYGaa32L3vYdVKI2j71V5"
    "yxUvNNAJLhdXHPzxRZB0Kdyt7ddbT+TH3gqn+9UoRSVWlKVXFinpEVtZW4k2XLWFFVYUkt"
    "w1b5v/5GPFrdbmS59nOeLJ44XyqKg0x7D3oZPKdtVO0dSaXlBXnEQWG9R9X08Clr00g/0g"
    "C+gxxvQTOn/oltgpbYRrRa7I/oyTZcF1uIwOLqIwvEf5vlUMFD5gvl67lMFflcUz2HvQDs"
    "h0ywaq98DurXYklcGlSvPGChYPwc0s4lWR0MTqrIVIOTYqGKnkt+3GdwfWwvbSPva1KMd4"
    "qszaJza9x04UZU3fXsE3QQ3jVkDAbbu9AOHqeSIW91Qw4XeEFEVnYwvgPa2AYaQ4IMR2zl"
    "wbCEck6SVB3cQtaQEcsgE06GjVHJLaR2CqYMbOiqsTZjyajiH/R7upnEVajuuKKn8JrNdk"
    "HcrzDX9i6BrKcw2UCPK9OrQsVm6RJIQhacvCVYjOiVhe8I/COwBLfvi1AKrIC164LZqIaa"
    "RgsX9HLMXckB/Qr2LpWPrdqxAnEy5JOdIjWsB0TL+jgOdhGxqb/42XHxIhjXR0+GO0es5a"
    "qDNFWbB50m4kasnAYW679ejgns915wDV8q0QA+bvWKWcakEayVRjB/BYgawFJknTN+rcEc"
    "Q18KAYSD8R3UpJo3xlDzvQi4wfgOglvFaFtsss0YbLezG2y3aszreFqvOXKKUOJf21ZQsz"
    "v167Wl7hwHpLWmm9aaZF20hB4h8J4lCaVZtKHInwDXLDeEI3++OZXSFFrGhapBP6kFuEKi"
    "grSqNWFVE7QURcayHCtRwpJW0sw0NN9VtA7xeWMmGvSkOujeeMQWbTVK60TTb1IfOUts6f"
    "QyCFRuw0STSdQzZTJBO59Gt+dfLtHY299XPxzuvc9JVFjjtcbW2PrVD5yaPgPBQjXNvSf4"
    "B7t7HBQgVE24Rh8ZVpAGEXQ6ohFa9BC3XI0tGlFGcyXgrpghntfCZtOcslCt4An6nAzg/g"
    "EuauMFLBZ4WnotXUfecmzxCtyGja6vYKe7DaxdPzjIV03QzmTyiG1jZmjsfQJabY61BwcZ"
    "Ln0w/+ENTJ+AG/7QnDzBLbt+kW64POIA6af+XfqoBjXAVYDHHxEbjdR7uN0+wqo2Z8gjWm"
    "3KZvY28mQhjsIDfq4ed5bcgZJddYIaEsmjIWYyRK2l1rl7eE8oXkIsiBHJGOjaKkf0cgiB"
    "nyCT8NeGX/YTe0lC6obGJ4MUZZBih3cwIy+SpBD4OElnTIWDg6MPRyeHx0ch2uGRMpClEf"
    "CtfhJe0wjYNsa+0tZFtU9h/ONUzYD/RjTAVhlg2/YGbN4CK+M/RYywqV0ji1sQslhxmaZT"
    "ULdqz6i6WONbZZWV2oxxmy3GMgN3sFqrGLmjMOmXLd2/zn0bsx+e6Nt4CXngUYbERvfqIw"
    "5tpmwoYeGLvA4/mgE/HTTHNg6tvki1ECsOxWzWbtbmvbGr5sZExllM4QoSgZPFfKi1XQmH"
    "MhutP7jPrbbSMNtKw6xodpTMixLIi+KbjNjyjmik3F9b7k9tR0IMyNJK05EMd5KWjhJLR1"
    "vU7Df5jkViVnXoIxoJfFMWjtx0N/GmKgLZbm1jQ1WlMVp9FfrVFCjjwsCuqo5vCbaiCvnG"
    "KnYFgXy5ansY4/di3mI8qrBC3qKFeLdnlvuH9UA79gOoaJgX/ZOB1geNWGfqcTa86v88x0"
    "WseTcychT09V2mSsBUUusOEtoizZv13EkaFaVC3lqFXIaOv7ZAJTvLt4AJQc4d2w1XSdpL"
    "TSBZUv+9SHxZBN6KBJ1kwNZ7s98M+CXanlRLmlZLcraaBvDNVEbpKMDJTbZVmt8dWX5b9n"
    "L0Pn6iX6b1uWSpeMuK2t5XULKe0VI1dGTQnJlEzZiPw4vh5dkINC+bePdzOBl0LkE7Y+/9"
    "wdF7+Hf/UNs9Zbqa3/sVqa6LF0uX15UJklrgPnSMeLfFrDb4OrdBs5eGyDGmJu3K4uciMQ"
    "cvSyvyJ6L5P7D6QZWkmUkW9RCzNCCYE9bVnDh4bE2xSWAKlvLju4h3VGQR6x1lLJrxV5Dm"
    "9ETXQLZnYgeZmJJYu0zJHVsqTLJ85y3RXHXoBHgP3fGkqfC+aZUeyyIuWmDMbgEbcAzeat"
    "t/2Ov+2IKjDuZ/3lUu3mNjGOLwyi5Zh3VqcNTNIhZ1zzTn/DNSeW6l8hy8SyIe7TiN9GpX"
    "aaUJG4eFTRGMYyQS4mrNgHVcrxNwgq5z5ayazyyR1p4WaLaaZ9u0B4HQnhKj6eCmclhloR"
    "evc5Fe1wVxMFvR4Ks1W3YgRiixkgC5tpqXJZGcKWqxoG3W/HUXJjQN2q1oqdrqImel/+32"
    "6rJgJ0kTpsONDM1F/0am4WyhD6UEZYoInbm461m6wVk/GTtEJ0h3PYurXQJrP0XWwS2n+Q"
    "UfYFazF00BuYS+AvQyq7/OhrN1gY0yfvVNsJk3vK7D5iSlZHOr2SwTstvmRZVZwZvKCl6n"
    "g+8X4mncC5Nx8QWn+mVOvkc+qHIvCn88dZgdYXw49v5yoB+MvfeDw5PdeGXAOYG7P0UO4E"
    "/LANLJVN5EFZHZDN0Toju0kB/1pzkaWcJ5lk+pooVhGQtvwYsI5rWn2PQtUO/eZMJNMpOJ"
    "X1CQWOYzjS2FxaMbFB7VRN+u6Vbr0IKAfuXCAN3JZPcUDX8Znl8MP16M0NgbHPxlgGDtjG"
    "5+GX1CO36QKnPn9enV2C9Yb0AYjP52CyOf5pjeMDIc5uT8Mcw7jSZnQ1jpQ+4dNJibT8Nw"
    "Q3rfrxzo9GniquGMrfAUPcAzVuH3E2CH99DQis0bwL5UHRdNJgCkoSusviP1a2JVp71B0O"
    "i36/Ob0ae6FQd9wxfz/gUYSI9fSz1+r9uNokWekUG1Bool/RPTOi7bpuo4RlKEUlyq7RcB"
    "DBWej1qDDTnEnanFtWE+8A8N/TKLKohJSqkgtlpBjMkT9fgckkpGt5rRTNQW7gycpOqgnb"
    "x5ryiHzNCF/HEJopV8cbXg7v0VNBBe0n3qGaZrWM4evd5/9zb/Zq3FRSdjAda86kOtUUhe"
    "i1PJ7L26oprhOB7WlemzYmMNIBVmQ8EEkiN1OWLjKSCkGNSEa5o0Cl2YJ4VTNMKVN2NGkY"
    "7NNybnSsfmm2CzdGxKx2bb2NAFx+avhjvX4W5Vs5fj24yd7Ze5N5/CcZU9nLGEQT9Kj/rX"
    "XPUBowXLLiSeS32Px4f6/tj7cDjd3z3lNWV4GZo5PJ7f9wyW12yGdKwZOg5LzyzVZzqDg1"
    "3XxE6eg3PDd0D9mzQ1MLgWTS40HMQXc6pbmkNYYVtaA5clKvKCOTDp2PLJ4abhWoslcWmC"
    "AOJyfNDeDO7HME24EeeJph+6c7iOTZ7Wk1cY1N+JFGjpS2ytL1HaRdZsF5G5Vi1Q/Wa4ll"
    "M3QSbhrw0///DV4UCaUjKh/jtgk4USVIiq8zLk0kuGrMYQ38qngZBm1HpDymaRoQ819ytZ"
    "UmEDyaPqMxYKYwsJugjv4KQKvoOTYoDpOZmWKNMS3xr0vohoEcG9JCLqXFxs8xVDfLwEc/"
    "vjRDKb/+WlbBFX6IsYjN/cPtHrbQTawX61yO6y0O5MbPdMNUzPFgI4RiIxroIxt3izSBJR"
    "u26GVEafyEgH6QIvcYEHb4w4m5OUDbC5Za9dl7jM3YV1uJyklFxuM5dlOIsMZ2kbG7oQzn"
    "LDLOO9nFAW/0y/LIyF29VFGyXTutA02INmq/sVrQ09qCr9aXR7/uUSjb39ffXD4d5xUPQa"
    "zvERNFqEzlDSE7mhC/AE+7ibeTKhESg0VoVXmnSD0BbDQjNs0ZrY11fw5twijgy7ifQk6D"
    "//E7EfypI1r4KFA/PyHq88XgZUEIM+BuFZ7waLs2G572OLj/sBPRHbne/+6OfG+4n/+BHu"
    "3yRPrFkUzfcntgFTqaaSeYqx9UThCoqJz2zyT7y7hyaTqaffY1eBvRvbj1iPPzijgIlZBQ"
    "NeIRzmoVjRhlWMDu3sI3rXFEb4MfUfgZ/cZdjeE+zw+gCqE97+zMbwcIZL78CGt0N1kpem"
    "sPAaCcFZFnvEOOHXVXAIrDxepkAz1SeqKsFFwknYzQeXY42y2T2wp+jDVT2LxgQBgNGFfY"
    "xUROdjozXimTqitclZ2BN9HFOloUb+XTmZu5qrj/BglOIZ0IG3hNhTHBZvsNSlMyeU/xSA"
    "f2L+oGz9AjgA9RP8F2PTDi0KAddbOH1E31d42thb1kdw+w78OEXR3M4enU6JLgWLBhAii6"
    "XnqpQKLj4nT6yierCcnxhnVG2OdTrYhNVIS0ywihRLE26L4hRVegfusyFjC5bc7/8a9+hf"
    "5/oY3tAx7FMOrDb2k88+hr0O7mIPDfmDUp8cstjSpTWh7zkIiz0KEDZh/cJmAzIaXwcgsw"
    "WVJIIy8/RR6HbqvzwLwpBiS5OFgb1zVJNWird08sQ4Npl8HV5cKDejjyDZKD9dXXxSPg3/"
    "fktxoC3Tl6oDy6s49iuek8Ogze1+XhD0FRD0kzUlYhXloyeWQWEtDQp7pVyutsk/r5Q6RN"
    "8gf5/LMqA4XShF1iUODA6OPhydHB4fhcCHR8rwzumRLqMd1+7Upy6fGbFzqka86CkKyCTU"
    "FaBOidgCW0UO5eZ2i4Mt2SpyNQvRD2LBFF3am2Wj0rfHhFwVWowbhVPImMW6Gedxo4IYM7"
    "K0kgs1Pa9pw4ygMT+PXPKiHi8yBi8xXuSSS17U40VgncuyoKQkUoxm8xWRXsdvuZbaRzFb"
    "qAj+KTLJghVYwMzHIuCHBLIWWOPMiJugMyx5oZNJklTGVLQ5poJ2E3usGQiXppWcbjOnZc"
    "Djm2CzLO30JtgsY+FeXV+LufEFzEgRkYRehiG2MwwxvcobwJVHEt74k3UU3djLLRzgGYvr"
    "iaqZ5qjDH33qzz/fYLPI8JAA/Tyar0PY/7n+iNgz/2W5I25+pbe8Yf2XY2WV8C10KYlo6G"
    "yyiZQfaRmEvP7g0CjWd+EYTV2inTBSzx9hGjO8WxI729QVaIDjjWrQQM3pMw2hzDSkSsQ1"
    "TiZYtS0Y/B/oO/rrf9GZJ5NdVtjNfSJjiwVPsZjTxE2ywF525xr2Ywhp+B4PwVSXP/JgWH"
    "4PNJaTloPzI0Bp/CZdMcWBfrFXOr53pmP9ZJBeK4P0pIj2el4+qaC8Ngv4blrHr5emlC69"
    "FfSU10zqict+hQJMSkB8UXxJC6gvyy5XVpizQT/fqp8aw1IU8B+TCTrY27P6SPcwHIF/ea"
    "j/TiLQ38+mmWINdgcHDc/uzn8Z5Ugxa7xWUTIQzYkIkoGcuWqzC8fm2QkEDp6Ww0rSmrRV"
    "JfWf+5ksM8N2XJaWkUl98VNunPCxmMTDZgmFIF7sNuaPD/NVHESlH6Rj3dNcnssB92k/sw"
    "6e/r1g/R6o2WF+6yxNhl2MpsX47TVDirDfJuv2SdtilAhQ/prh6Q74j5w0iSh+mLND5jy0"
    "VJyS3/RX/6bTNygDfSHu/ugu4d1Y8LKMkm3DcpbJJuvNgPC/qBmAX6h94snojW3wAsqA5j"
    "ZsYiGS4i9ailS+bW1+2wK1SdCWEqOS5drqvmORCiqGfpJO4l9/j4up8SIfmRiZlJObCniw"
    "w7o8jbjlt5ANlV3y8QXYwqpLLCKi0DIbxEu8aJKlPqvKXcR8q6SmLpYqrJa8Nl/pIdzyGS"
    "YkLgBxGJutC+SwujhBxiItd3OK8B+eagY1cfgUYwsGs7BSVrEm5qClBWeCq4fTqPcqtTmz"
    "ekYJL/LY4m7k3T6yQz9zosgPLalDTZ6X3y4uqCnVcOdRfaPIwIotXvvGL2DEWoz5dYtoNS"
    "K/ZgQMZYWLvCUtKkU9zc+sck3Ye8wHDSZzVHojBjwMq9QTlPFZqDrm/vQii2mJdTTbNAx+"
    "2a4jTaav/Z0sNpmy/zP4l5Sr9sd30bhRqZjyQUkx5YO8YsrRnWVgvsPfCwspJ8g6ULi6TN"
    "Ea/XaX0LEyCUKhnnVxdfklGJ7OGkoC/wBPKbKwg/FdXNiNW+1s+mFUHE01cQ7IxdJ2iqxD"
    "6k5jZn/XgG95FtPiLMOQQGYZlm8iNbIMKbYKlWpFdpIEUfdaZjS/m7hzYAEN5axjJs4h7t"
    "C2snErCtMba1nrk5SSB/V5sMR5hvqPhJhYtYrgD4hSwE+Bal3bf3hkszv9x6uri8RO//E8"
    "LQ9++/pxBJsQ24NgkOEWYC1L3W1skw8M3Y+qaeiKrj7nCDkvWsmTxB3aYxoTHwOkYCNWnC"
    "W2am3mJZN0CPMN7+uxqFSA2hOq9phLK+s9ZrZzbBtErL1dSNE9Qb1KN9LiXqSZTqSORpZY"
    "ETWrJKnkl7LCl5JDZuhCVoAEkbQENG4JiDwZGaa80MApTijjZ9odP6PX4XCMTPK3zfxdwr"
    "feNtycRtqFglecpDPhh02W4tce2INm1Ysya0WCboMGi8C9u732ClDKwlwVTV3WUe6K55C6"
    "XV3dLh6vIcaNNKXkwYo8SAX/1OJGzhySL3X5slDte8NiOw3LPRV3G5fM0CG2yAY526Kgiz"
    "d2epWeTttitZOFP+tIlVunfcnCn51ls0BJkXSOQCMV5LaX5a9RNu72yXC1ub/GcsP6wxH9"
    "CqH9Tnzwi9H9d3OMHgzTRAEZ2mGF28hTHxk6OtiFmybIwk9+tLrzI3LwUqWcNZ/79FzQxX"
    "YPDT0dNGWdl0VxsJtNFFj71V4OkBeKe38rQe8ryg7F4exL1XOwAgxVireXMstULr0MqREK"
    "qaEIBq9NLfjjxBJ7AeyliCVFrPUmBV557pR8Hz0W1GuLny6VHQgbqODHyjXaijldJUlt6U"
    "1Nw5mHKzwokSoz0lqXkcbWRG4id7EBK07TjAnrdRmRMGAdDioYsA4HhQYseioVcE+WhiaC"
    "b0jQQfvg8VEFeI+PCuGlp1KVu+5ht7+nuhHDSQDnLGUHAW9+PUewiW7daUpZAqK2n+dViy"
    "+206WzYQ4s1WeTqDnoF4cNxkhkb8hV2nNKH0ZXNa/EG5ZSI0QYnaaVsYJt43RLdOxzHS+W"
    "xMWW9vwzfu7lqNmpEf0yTduIxioP+HkNyvbvPc+JOjYtsR36bOB6OeW08felAZySVWFeW3"
    "Io1sFjDK3OghiRFKNrC3GJF6iq3pgg6qDK2LyO/oBzwsBLqsPgvBBwCW0etDO4OLaXtpGX"
    "4lgMcYpMQl0Bahq4V2BgGlneggEdL7KYifprvY0Jdkjl+ubqy83o9vYUxf4YW59A9DtFn3"
    "wB8PXDAkGmoU+U4Uax9h1RrKR8b48aIHXv1rBiKzSyRHZepDYIsjlJKdncOja3RPEeYtvQ"
    "5r0chds/0y9TtNVozDp92TKebJPxZIWh/sVybHGsf6sEq5oy7OD9+wpyE4wqFJzYuZT/Dl"
    "4qAYT94R1Edy0laOGKLs7TxYoF0xiJdAsJiqav+jH78/8B0FNrXQ=="
)
