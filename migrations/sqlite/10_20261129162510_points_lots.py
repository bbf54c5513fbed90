from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "points_lots" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "granted" BIGINT NOT NULL,
    "remaining" BIGINT NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "cause" VARCHAR(32) NOT NULL,
    "cause_id" BIGINT,
    "expiries" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "customer_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT,
    "entry_id" BIGINT NOT NULL UNIQUE REFERENCES "ledger_entries" ("id") ON DELETE RESTRICT,
    -- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
    CONSTRAINT "points_lots_remaining_within_granted" CHECK (granted > 0 AND remaining >= 0 AND remaining <= granted)
) /* Points a customer was given at one time, spendable until ``expires_at`` (DESIGN §3.5). */;
CREATE INDEX IF NOT EXISTS "idx_points_lots_custome_d0caad" ON "points_lots" ("customer_id", "expires_at", "id");
CREATE INDEX IF NOT EXISTS "idx_points_lots_expires_8a1e12" ON "points_lots" ("expires_at", "remaining");
        CREATE TABLE IF NOT EXISTS "points_lot_moves" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "points" BIGINT NOT NULL,
    "spend_entry_id" BIGINT,
    "created_at" TIMESTAMP NOT NULL,
    "entry_id" BIGINT NOT NULL REFERENCES "ledger_entries" ("id") ON DELETE RESTRICT,
    "lot_id" BIGINT NOT NULL REFERENCES "points_lots" ("id") ON DELETE RESTRICT,
    CONSTRAINT "uid_points_lot__entry_i_703130" UNIQUE ("entry_id", "lot_id"),
    -- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
    CONSTRAINT "points_lot_moves_points_not_zero" CHECK (points <> 0)
) /* What one ledger entry took from or gave back to one lot: a refund finds here the lots an order spent. */;
CREATE INDEX IF NOT EXISTS "idx_points_lot__spend_e_5a5937" ON "points_lot_moves" ("spend_entry_id");
CREATE INDEX IF NOT EXISTS "idx_points_lot__lot_id_ec22c5" ON "points_lot_moves" ("lot_id", "id");
        ALTER TABLE "after_sale_lines" ADD "points" BIGINT NOT NULL DEFAULT 0;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "after_sale_lines" DROP COLUMN "points";
        DROP TABLE IF EXISTS "points_lot_moves";
        DROP TABLE IF EXISTS "points_lots";"""


MODELS_STATE = (
    "eJztXetT20i2/1e6/GWSKicF5hGG2doqhzgZZghwwWRmN94SstTGushqrx4Q7u7877e79X"
    "6ibstGFucL2FKflvw7rdZ5n//0FkTHpvN+qOs2dpzeMfpPz1IXmH7InuqjnrpcxifYAVed"
    "mnys6g/C/rCp49qq5tITM9V0MD2kY0ezjaVrEIsetTzTZAeJRgca1l18yLOMf3tYcckddu"
    "fYpie+/4seNiwd/8Ds9r5/73kOthVDZ1cyHEXHM9Uz3d6/2LjlvTIzsKmnfoc/lB9X3Kcl"
    "P/bRuDu13M98LLuTqaIR01tY8fjlkzsnVkRgWC47eoctbKsuZldwbY/9NHbnAQzhr/V/RT"
    "zEv/0ETXjTMRRTJT7WU5Tzi7FyPRorSk8API1YDHh6qz4j79gtvPt5MNjb+zDY2Ts8Otj/"
    "8OHgaOeIjuX3mz/14S//ZmK0/Kk4ZqdfTs/H7IYI5a7Pd3bgL06juqpPxbkUo29jzVga2I"
    "cvzYSTuWoXsyBFlOEE/YlZToS4V7EiPBDzIl6bm2DGQv2hmNi6c+f06+F+Bc7fhlcnvw6v"
    "3hzuv02DfR6cGfBTDPYY5iWFCItAHBF0EN7BTg14Bzul8LJTGXht8mBYmhjCCZoOgrw3qA"
    "Hy3qAUZHYqDbJmuE8iAIfjAdwa4OoGuwFNaBtO0mwO5F5vSyGm18JYCOCYooNreLBTbxuu"
    "2ofzGzFxXNWkEOpie3GarHOLebcO1LvlSO/mgE6I1nnpmRATq1aJ+JwizCA9pZTrgjo6sg"
    "a0q8Tii4szNvPCcf5t8gOnGSH5/ObrxxGFn6NPBxluSnZOvABtzDBR1ALMP9EzrrHAJa/C"
    "FGUGdD0gfR9+2MKtpYIB49Ovo+vx8OtligufhuMROzPgR58yR98cZh6FaBL0x+n4V8S+on"
    "9enI84nHTzuLP5FeNx43/22D2pnksUizwqVANOYBIeDg+l2OwtdUk2pymBze1mc2ynqG98"
    "SBA9b4HYAoZuzgjB7D+z+0IbBAM1z4bPxMbGnfU7fuKsOKX3rRara4El7CaYZstY8Fe4xs"
    "KjvcgOZauPkcEsufTob6e/GPvvqZPh9cnw06jHEZ6q2v2jautKCmp2hgxI5kg0Nn9qMVhk"
    "j6iWesfBYb+C3XOA+hWe0YdyPib32OoV2CdT5/tVRkrbH6m4bGg9S2VviAIqxKn6yHHpst"
    "ERscwnpDrIcB10/evw3eDg8BdkE5ctC3pSo1O5c2yhe7x0KSnSKZiaSyejKL/vZfi2vqvU"
    "sac62HHor2WsByNqO42ofFUoc9WZiyg9aapmdJ6XZcaajaiG43hSclmKEMSyVotlwfYpwe"
    "U0ZQNsDp4d4HLzXE681ITeW2k6EMGbEsEDXBuQwq/jmbaMEXUF8fQabJMsHmJfIIYn2FIu"
    "gQe/rKbsfWFh5NC1gfV3hkVl2wdDw8dIpcMXBpWLycwXhSnkafHZyQvYq00lGJVg4wdKy9"
    "8TIFC3U6AGS+urkAJM1XEV+mTKMDpLC6xuNavxj6VBp5NgdJoS2NxqNvPXLBVOxOLJ0lSd"
    "8/7u1fK071V42vfynnbNZAF4irEUATpF1Dmc9w9qwLx/UIoyO5UGOSEqCu5aaUowRrR50w"
    "p5RUVHp0gHrgqEzVJKPVQt4+26A7HA89oWsw94XtfseU1uMlnvZmbtB/Sff7/CpuoahdtJ"
    "iU+1I7j/tU7bGF+jBYaxcO2WW8UY+9efOAOWqFZaovBCNUwRkSAiaEQSaJE/d3BQx6FLR5"
    "XHCx/kXLoLMjVMoVDhmKJzADeeFsP/C2Abju+cZrhbSwPfrdDAdwti3VXHeST0vSQa+JEj"
    "hOyCmtkF6tOC2S9WQL5kgu6pbWthgOEoVP4xHgp2leeSDmK6DeYchJv51qYcUOCo8jWbie"
    "MdkUGKhyDe3hLbxYrxs5gnSQF3AdwpbgsjDj5Iw/7b9cV5yX6eJsuaWQ3NRf9FpuGszUDU"
    "+9vMszSGKZp6hukalvOeXe/v65JrKtjBYEqxI9zK33wd/pnd5U/OLj5mbalsgo8Zxjxiba"
    "66Clliq0gRLX/V5gi7Jq43H98KUQ8yy37r3A2QX/Yq2OzbiWXYnKYE32HbuJxzqNSx/6dK"
    "MMmb/hPlnrbz2c5b/QviwlcEqXsxyCmQ1JmLbcVRzZUXE5voWjW3+FVRjRSx9cB3Iw/SBZ"
    "ujqwCZWL9jsVeaRjxGtxJSZ3yyoT/X1r6WqgFbEjZcMcmqYF3yic7INsYu1ELKJUvFW66I"
    "0pgsb5ZdReiBeNp85f3pmz9LV0F6NNy5bquPqrkiTn9EE3UJqnWGTAw93XCvsEbfor2iyq"
    "OJ0/3K6qNsoGLzkZuoQEpnJjxgh575Tm/DpmMh1aelARbi6jFYP1qqF6d0FP4M3lMkRYzG"
    "aaoOusV3D+vEIWQZlwhDOMwajaPNTmgPS1JJhdO2THbf5F6Wwr4wabpygRcLKV1Y3M17RI"
    "J3twDAMUUHAd4dHNXZPgZH5fsHO5fGmNCJHlTTK4jpKHe8pohWcru2bCPZtH/Vwo/i6KeI"
    "AH159GUyflbK9GlzkORBrYixg4qIsYN8xJiN6e903EIBpQrlJFXnkF5D6ABkg64nG1TA17"
    "fWyi6qpU/JjxOTaPe9ovIuyfP9yhov/khFi4bWKLLoUNhNjGzyiN4YOtp9e4zm9PNMtVmB"
    "QxTMificyPYsB6lzrOq8cAtWTcQ1816GiU3O23B+zWux/Qx29z/sH+0d7kdqUnSkSjt63q"
    "pDZjMHs/ocYmppimxzaZ4760V5w1opQ1DcqhZTgWWt1ZY1xqjpk0TlvAQZmHxWSqB+GRng"
    "hLLmjthPRe//6Fzlu1/zRxkb6QO3VG0uXULZ4pd9MZS/pNufHrg5y9o6EgQd07sTwTcc37"
    "lS0GtKv3QFc//ctSZbvmRmdh1Vl46qyMzOlT6iYotR7N0o3Z2TJJ0R3ldUkSC745WJ57HY"
    "IyTZpMhAPF9JPM8yI88J4QpHSfl6u/hQFjnWzxQ5Si3AVJmjK/pMXJ2ejOvVOdLmhqnbuO"
    "C9IRKs1z2805uETXRPWzmE2J+lQxitU30O0SrQnhNAlivPSZ6tWXWmu5Hr20ATr34ezBif"
    "WRiWsrQNDSv0E7Gzp3l2iOJH4vNTge4fWoCCkaCat1M1B9UxCpirpToeVqiOhznV0TVcsa"
    "JTEUEHTR9rKRSTvLMczmP8o2QTyZB1wCddpdqM/hyntJpcREuk2ZxdnH8Jh2fDXLJNrsM3"
    "QH5tjyxvkZN309tIRL1B6D9dDT+PBfH3iY4R/zexhifj02+jY+T/p98pjvTDJ3ok+JR1Pr"
    "9QsK5Lrz/13KLEzfJwrzQVFDmpfmgkwsCMBRUZhVgSUwA7GmdHVrQVkkMLiDtji9xwIAHb"
    "DOX5kCcGPkgGdCR0OSEeZAgBf9mAGtXW5kqJ1lAuzWbpQJwVF2d9CKdEf5JAPiQD4IWBB2"
    "+VFCu2zVsFtcheBZszxt/6EkSGEByTDTkmtYR/C1yTz7gmM4twBefkg2ob6sp1jr75s2zv"
    "nrZZx1sIV4HjLYFkueMtybRaySrYxx9d/37zHt3eOi7R7m9vkWHxpJLh5SkyHHqcMnauWj"
    "p6h+hOi+0HrN/eFiaprDpfrWhZ37sY7rNhJBX451rqn7v3hNxz/vDOeefWkPEPrrk1u+YI"
    "vykha3eCBMzdjZu7pU2sL2Ze7cj2nhDHyYLFv1FlVoYPRdSgKcnzwpHkggP4N4B/IMaKgZ"
    "8gAi+DHO6h0iAGfJIKkJdDHlJdINVlU3t6l6zK4Dx4FWxOm6ZE1JOUSQu0k6aSmuJshRVd"
    "B/UTSNrGiNpZTak1KNq9fb3VHOxCkzg/3q+u4mDXN4ZrnuOSBbZ/chCjQ29ub4N29re3bx"
    "GxkYruWKk1ep6e4s3peVNUeraPLPyAbTQl7rzILt7k1HVM5ImXBpjF22kWj5ksZMJNUUGf"
    "wN4zNnIQr1+F3AXi9etgs//OFHttJYgasXS+kndXTqquEzRiGtaqjdaYUHdGp9neR61OyE"
    "h6TecRu7DwmNA/NbWTG6dWV6NWLeW6ekni+a2hlKysaPC1V6JshOuyWuFQoqeg2dz37/7s"
    "PhRBpE9UMy4l/mdPgvjfOvH/3x5lkOEWRDWWMiBJ0iUTUWO2dIfuDZpb6BYixMSqVZYBEZ"
    "NlcJ1SunUBG675zcp8Hy8uzlLi3sfTbIrDzdePo6s3u1zOo4MMt8QXBLqVDAO2TuhOvHRE"
    "guFtsGav7G1NvMeF0E/TAQOaS0Wwm6mQZm8jC+rnINjVXoSCJd4Aqt1LNcgCm36s2+Shib"
    "ujF2hOqdbpFa1P063aa3hsLMRp3jEaFPTBQW8m3s87OzsT73DvcDDxjvTBh7eI0KFoqRo6"
    "4m3Oj+nomWfRb5b51KdfXM+mI+gB/3ifuWTwD22uWndFzTg2eOE63p7QuxQsjLCba1yhBv"
    "TA1uqB5W0/ny9BtA3NP3tXo88355+Ui/OzfxyjxJeJdTUa31ydK/4xdi7xdWKN/jz5dXj+"
    "ZXSMwk/Z57COR6n5ukTbVzVKimn/c0MVhxFnS/BxYg0vL68u/FJRwSfGxN9GJ8FA/9PEOh"
    "men4zOztjB6GPE7utfTy8vRzG/g++J5XAy8utRZQ6wEWxpnJ5/CRcS/Rge9Qn8T+Ex5fPw"
    "9Cw+EXyNl1Z8L9kjMkttUMd5OSh3Xg5yzsuylnvlxRw61XJv03UcoLRVq3J9fIlIJr0hSw"
    "kKsHyGiWfb2NIKzNQVvRITNG1+y0kGqezV2Ob3Snf5vfwmz3QAhSrNtlHkCazq/JmlbCQe"
    "qFVgNy+/Bagx3ZLKz3cKFdmmUrgXzNA9/JuPyAq1W5kVX0TbPcybX/MRbius+qo5useD5t"
    "e9RVyhinjheBDkoSDbZlixbY5JCPp8FWzOWLcFfNBpQtACpbVA7rsQxj9JBeA35YPmqDbg"
    "Lr0I59kyJtR1liZXX0kZvKJdpgFkawbjbiuwmW11hRKDDUSLR77l7oeMr8FbXxbrnEO1jt"
    "deIOy5d00QvbsnRNngOojMELGw7yFHbBZWL1BNOtl/QTOWJGlFvvE+rycYBEQgB9M/BoUQ"
    "q3reXb/ui9Vx0SdgAmd8a53x5UHZVTzoalz2xov6gL+nBUyYUogUzca6IVVarGSCzhT+2T"
    "A/pqrJhE0ZTuRIgQeyNa+M4jrYVQVdIhpAXQ71yN8gGwRfMgFUO5TlSFqGFeJFjhRe0Ssa"
    "45jmImmRS5ACG5oyy8UrvAELUipifsu4UdeMlNsSahjp4vXblAG0Y2ajLMi5B17YWrdOO5"
    "Rvgi6wP0W26XK7E/9lm2gwnyg/EDaCTydX4B9Lw8ZO1Hc+2Yce7DyttPOIR7+sGOvSMiak"
    "4xkHdQIaB+URjYNXmSJxOeL5B8rl8B9fR+fjY5Q5MLEuh6ef6GH6d2JFmQZRusOn0dnpt9"
    "EVOxZ9nFgnF18vz0Y8nyL6WJxQkTVzv1SKAje9rcbx3CQbjHm64te+5pd+fx6EMIisA0Zz"
    "jNhfxvGr8enwjDGdf5hYn2/O6Ff2V4ZfzUcCQjz3uuO5HW/qElc1ZUx2eVpQ0KT1ZGduLJ"
    "csTlWGETlaYIQ0Ix6Ip1HpWtENh/fXlmFI+RzAmBUN2wrVcETLlacJgQWrsmCVR6N0CmCL"
    "NFuk3+Dw+l6PJ5ptNau7o9OzAHNWdkvLsqWYHhiygrfUxbZFtx7dkwoWKKYHhsg7S3Xdxo"
    "5QNYEEyebLCbxMMspaCgcY1gMxtAIXUUUhh5hkJehbFiewaeQhx3FjOY4Jr1MO8OrktzQl"
    "JL+1O/kNUllfA5shlfVVsJkVgpTgcYKsAQZvj4yydfzlbgOpxzhNCVxuM5d1bBoP2Jbic5"
    "YWON1mTmtksWTBclLyV4YWON1qTjNzpGnKcTpDC5xuM6dfpIdc24TqVoTMF3c+g3IL9dqf"
    "iZVayBTXz6x8mYILHYI8bVh7wMXZfgIg8fj1EZuoqyg1ULqji/kXGW3/abH6Wrr0Z+kqSH"
    "7s74oY+UG8XYWI2QYaWEjXwTRdgmnt2Un+Jl6WohRt8c/kKSnxS+X52jgXFqY/TrUcgxd3"
    "JzNWisYvV/OG2IjVsOG2fXry7TF6nKtuH81ssqAfsU1Jif+hj6ZP9BNZ9Nl3K18WZ43XqZ"
    "NXlazPBSVxWpsqxQHM4V+eLBCO72KiQOOJUuxxWjF3JjNFiysxQ8aU/0CRFTmemqDNjxkw"
    "3Fe9NZfYyip9vtIztJrlJzfX44uvoyvKheATZex4+PkzZSv7R7/943o8+kq/8v8yLGo+K8"
    "4HWLioSYIKqsrIBkpCzNjGYsbEXRsQVbIFHg2ozt0enwZU567n1ahRnfsFa9KU1UVOmayf"
    "s/kIlEMe+oWIVQdNiXc3d4+RY6lLZ078esWs+rBGFXST3CHVpV/pnwVhtjzeOphZahwqSG"
    "I2FqvaHAWWZ/rfdgvaF6/7aqLmH7ohchsUGIFaagSKGJTjQUVWakzSpdfLYHf/w/7R3uF+"
    "xIDoSBXuBVnxkmUtG6hm2VJoN516bRPd08QZkKYDBsgnWRtuUbXECttySNBmE4ikcXmws1"
    "PH8LSzU255YueK9xhhpHOEgHg9xJ17TwTnYHgH0W2+gSLhdySUUZsggQbd1eYkiWxP1k9F"
    "WdqGXHn6Imp4mUq/TKF1CZSLec0sCAuErVBbDNjQWD0r+TJWwARo4tNBlmxnH5/OsSEqc7"
    "RKiSRgRGNb1FR1DKm3RTE9MESaIeBEBidyW5iwESdyYV8r6Ej8MrkWYZJTgc89kf9U7nFP"
    "plrVcLez1r7+yzxyXifTH1QXqWhpkweDJ0OwIpV+5gNzjYeXQo5paBgR622Bh30NFxByqv"
    "+rvEUNuNjb6WIPVoOI9yBJ00EXwhq6X8xVy8KmCMYJEoC4BsT0UjpWxBssZemgzVIG6nz2"
    "kLqQLRmfpQTRXVpvgoY6a2+oU5EtVeJV34r0qNZs2X4Kvmx9/Swt9LuWDkfjwpzCc7JVHj"
    "hQaI95Xh4smKLFeaGtCTDRTIPqXcpStdWFUJhJjhBqiMtHlUBhaxlWbF3SEhS2fhVshsLW"
    "r4LN4D0C71FbmLBh79FmC5i1UzjcrLMoAKvAVxTDWO4qSvDreU/RV2LhJ3RHKAaI3Tyres"
    "XzIz3HJQts0y82y6FEdBwKTMXHfATFgnl9ZobtuH12xPKdO4GK9pODqIr2iO2882hD11zF"
    "nxQeSXhOoYRXa11LQXt1cZt8jhCM8s8a5cHFtP5qPaldR2hjyZFC3R5ZeyV4n1rABPA+gf"
    "dpy3dzG6tOUWWJKrEkpOhADbA0vEd1UpKPyjOSj3IJyZFPKBDmJD1KKWpwJtVwJoF9+zUY"
    "PsG+/SrYHIU5iPM5QwrNodrMZ/BjvGQEjB/4Ll6QKUUHGj34kdrmRypY5Q0AW78zUMuWd1"
    "1k0w92q8qERs10CrxQyUY75X6oVFefZz1R5diK+3E01bYN/5FkF72n04U2fnDhtNOFk2BZ"
    "bTNfTAJ2qHqJK6lHQQDqAtIOQt68jWS1PigvYWftBb1JBK2BvXxvk9NzZXw1PL8+HR+j+H"
    "PU8+T0/EvU9IR+LuuFcnl18fGMddMIPkysq9H45uqcDQs/9VrxeIE97DlxqBMKNNjDXgWb"
    "wU4CenpbmLDheM8m+kOHGmLnWkRvQuUubcmaQ/V55VumMSsX9ZH/uuJVPVA4G3ozM0wT66"
    "wjKgu8jAaHbtQ+oisD2wUVQxqeu45RIMLAfySgNkhrtX/o29VJIWr71F9xxoLmmwIkx+vy"
    "PocZsg6EOlU9u+tod5h5wdV/e2UIQVVpSlVxEp6RFbWVpJNly1hRV2HJLMNW+b9+Ix6rbj"
    "eyXPupSBZPna8UxalMe0f1Mvo7baNuvzwmLS/IAw4L6z2opoePeWs69pKm4DvI8RYsc+r/"
    "sE3QEtuI9Zv4BT3ahutiCxG6uPrIouK/zXOo6I8sFsrXc5k68rmmeg5/APgHSLBqr3xO1a"
    "/FkrgsqF65x0LB+AWknUuy2h0c1ZGpBkflQhU7l365z+j1sb20jaK3STneGbI2i86tcdNF"
    "G1F913NA0EF415AxGG7vQjt4kgpC3mRDDhd4QURWdji+A9rYBprhURmO2Mq9YQnlnKSpOr"
    "iFrCEjlkMmnAyboIItRDoFEwIbumqszVky6vgHgz5WJnEVpjuu6Cm85LOdEfcrnWt7l0De"
    "U5huGuYr06tCxWfpEkhCFpyiJViO6IWFx4T+EViC2/dGqARWwNp1xm1UQ01jhQt6Beau9I"
    "B+DXuX6o+t27EC+WQoIDtGalQPiJX1cRzsImIzf/GT4+JFOK6PHg13jnibSQdpqjYPO00k"
    "jVgFDSzWf70CE9j3XniNQCrRKHy+1SthGQMjWCuNYMEKEDWAZcg6Z/xagzmGPRQCCIfjO6"
    "hJNW+MYeZ7EXDD8R0Et47RttxkmzPYbmcHzG7VmNfxVK4hbIYQ8Je2FUh25H25Vryd4wBY"
    "a7pprUnXRUvpEQLPWZoQzKINRf6EuOa5IRz5c+PUSlNoGRfqBv1kFuAKiQpgVWvCqiZoKY"
    "qNZQVWopQlraKZaWS+q2kd8udNmGjQo+qgO+MBW6zVKKsTzd5JfeQssaWzyyCqchsmur2N"
    "e6bc3qI3n0bXp1/O0cTb2VE/7L0/KEhUWOO1JtbE+iMInJo+UYKFaprvH+kf7L73QaGEqk"
    "mv0UeGFaZBhJ2OWIQWO+RbriYWiyhjuRL0rrgh3q+Fzac55qFa4S/o+2QU7p/oRW28oIuF"
    "/lp2LV1H3nJi+RW4DRtdXtCd7jq0dv3koEA1QW9ubx+wbcwMjT9PlFabY+3eQYbLfljw4w"
    "3MfoFv+ENz8khv2Q2KdNPLIx8g/Ti4ywDVsAa4SuEJRiRGI/WO3m4fYVWbc+QRqzZlc3sb"
    "ebSQj8I9fqofd5begdJddcIaEumjEWYQotZS69wdfU4YXkIsSBBBDLS0yhE/HELgp8gAfm"
    "n4oZ/YcxJSNzQ+CFKEIMUO72BGUSRJKfBJks6YCge7+x/2j/YO9yO0oyNVIIMR8LW+El7S"
    "CNg2xr7Q1sW0T2H8k1TNgP9KNMBWGWDb9gRs3gIL8Z8iRtjMrpHHLQxZrLlMsymoW7Vn1F"
    "2sya2yzkptxrjNF2OVgTtcrXWM3HGY9POW7j/mgY05CE8MbLyE3PtRhsRGd+oDjmymfCjh"
    "4Yt+HX40o/x00BzbOLL6ItVCvDgUt1m7eZv3xq5aGBOZZDGDK0wEThfzYdZ2JRrKbbTB4L"
    "5vtQXDbCsNs6LZUZAXJZAX5W8yYss7pgG5X1ruz2xHQgzI04LpCMKdwNJRYeloi5r9Kp+x"
    "WMyqD31MA8A3ZeEoTHcTb6oikO3WNjbUVRrj1VejX02JMi4M7Krq+JZgK6qQb6xiVxjIV6"
    "i2RzF+z+YtJqMKa+QtWsjv9sxz/7AeasdBABUL82JfOWh9qhHrXD3Oh1f9r+e4iDfvRkaB"
    "gr6+y9QJmEpr3WFCW6x58547aaMiKOStVcghdPylBSroLN8CJoQ5d3w3XCVpLzMBsET+uU"
    "i9WQSeihQdMGDrvdmvBvwKbQ/UkqbVkoKtpgF8c5VROgpwepNtleY3JsubZa9A7/NP9Ku0"
    "PpcsFW9ZU9v7SpWsJ7RUDR0ZLGcmVTPm4/BseH4yopqXTby7OT0Zdi5Bbybewe7+Af27s6"
    "e9Pea6WtD7FamuixdL168rEya10PvQMfK7Lea1wZe5DZa9NESOMTVZV5YgF4k7eHlaUTAR"
    "y/+hq5+qkiwzyWIeYp4GROek62pOHDyxptgkdAqe8hO4iN+oyCLWO8ZYNPMfQZbTE18D2Z"
    "6JHWRiRmK95UruxFLpJMt33hLNVYdNgN+jsZ80Fd03q9JjWcRFC4z5LWCDHqNPtR382Mv+"
    "xKJHHex/Hdcu3mNjOsTxK7vkHdaZwXE3i0TUPajI7VSRwydGxG+dpAHfdZ2GmXR7sLApgn"
    "GCBCCu1/JXx3L9flN0nSta1Xz+CNh0WqC/ap5ts04DQntKgqaDm8penYVevs5FOlqXRLts"
    "RRuv1mzZoRihJBL/Cy0yz0siBVNIsaBtNvt1lx80DdaTaKna6qJgpf92fXFespNkCbNBRY"
    "bmov8i03C20FNSgTJDhM1c3tss28asn44QYhNke5sllSuBtZ8h6+CW0/yCDzGT7DhTQg7Q"
    "14AecvdlNpytC1+EKNVXwWa/rbUMm9OUwOZWsxnSrtvmK4Xc303l/q7TjfeNeJrva8k58s"
    "JT/SpX3oM/qHbHiWA8c4vtY7w38X7e1Xcn3sFg7+htsv7fnNC7P0YOxZ8V+2OTqX6rVERm"
    "M3RHiO6wcn3Ma+ZoZEnP86xJFS0My1h4C79UYFETik3fAvPh3d76Jpnb26BsILHMJxZBSh"
    "ePbjB4VBPdXLKt1mFl/4L6hCG6t7dvj9Hw2/D0bPjxbIQm3mD35wGia2d09W30Cb0JQlG5"
    "067PrsY/0fVGCcPRN9d05OMcsxtGhsNdmb9E2aXx5HwIL3Do+wAN7szTML0hvR/UB3T6LD"
    "3VcCZWdIod8PNS6edHih1+j4ZWYt4Q9qXquOj2lgJp6Aqv4si8l1jVWQcQNPrz8vRq9Em2"
    "rmBg+OLRsSEG4PFrqcfvZXtOtMgzMqjXJrGiS2JWx+XblIxjJEMI4pK0X4RiqPhZpxJsKC"
    "DuTMWtDfPBf9GwN7OogpimBAWx1QpiQp6Q43NECoxuNaO5qC3c/zdN1UE7efNeUR8yQxfy"
    "x6WIVvLFScHd+xvVQPzC7VPPMF3Dct6z6/29t/knay0uOogFWPOqj7RGIXktSQU5erKimu"
    "E4HtaV6ZNiY41CKsyGkgmAI9LBXeBEew0yFTjRXgWbwYkGTrS2saELTrQ/DHeu07tVzV6B"
    "Hy1xtl/lSnuMxtX2piVS0IKIMObLcdV7jBY8X414LvNzHe7pOxPvw9505+2xX6XEL2wypz"
    "8v6KRFl9dshnSsGTqOipks1Sc2g4Nd18SFHd03fAfMl8aSzcJrsXQ1w0H+Ys7033IIL5XK"
    "qqry1De/BAuddGIF5PSm6bUWS+KyYHTky4xhwyx6P4Zp0htxHllCmzun17HJ43oy1cKKLr"
    "GyBn6r1vqtQAdfsw4OeT0tUP1mWMqBmCID+KXh9198MhzIUgIT5J8BmyyUsOaQzMNQSA8M"
    "WY0hNp5SnBT5vvdVs4CbXXK/gvT9DSQqqk9YKGQqIugivIOjOvgOjsoBZucgBQ5S4F4b9I"
    "GIaBHBvSQm6lwMZvPVKQK8BPPIk0SQOf78UraIK/RGDMdvbp/o9TYC7WCnXhRxVRhxLo54"
    "phqmZwsBnCABjOtg7Fu8edSCqF03RwqRDhDpAC7wChd4+MSIszlN2QCbW/bYdYnLvrtQhs"
    "tpSuBym7kM4SwQztI2NnQhnOXCc6fkx+gB87vPxbMkT/erAloIH6hgNrJeSEs5zHVygZfe"
    "1DScebR7QwhFa0Mo+JoQNI0kacD89Kz5ySVLQxPBNyIAE2oNu5N6R0WZO+ZB5DgJ4Jyn7C"
    "Dgayj2G8Em3KomQwnynryVBPqYvbSfXX0yiVqAfnlOZoJk8xmZL6PLriX3EkyEMqzYOrNC"
    "Vo0QYXSWFgxIbeN0znrxMjr2aZx38Dt+6hWo2ZkR/SpNO5HFwEJQ1qBsf+95TmytWLIFy2"
    "ahX4rzG6DhTkskh3IdPMHQ+ixIEIEYLS3EpR6gunpjiqiDKmPzOrpgEB8E79WHVjJoD4L1"
    "xKFmyWMlBqaR5S1y/pRc5lnrbUx0h1Qury6+XI2ur49R4svE+kRFv2P0KRAAXz4Cm8o07B"
    "fluFGufccU0JoEdG/QyCp1b+jN0Vk2t0TxHmLb0Oa9AoU7ONOvUrTVeMw6fdlCGvNrUZcH"
    "u/sf9o/2Dvcj1Sw6UqWRPa8IP2DbEdTFEiRtFqxkw5wPDuqEOR8clIc5s3MZ/91yKeQl9Y"
    "d3EN3dWkHkuxVB5Lv5IHJ6RRcX6WIVrfNiEnALCYqmL/oy++v/AaM5J/Q="
)
