from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "refunds" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "refund_number" VARCHAR(32) NOT NULL UNIQUE,
    "channel" VARCHAR(16) NOT NULL,
    "after_sale_id" BIGINT,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "reason" VARCHAR(80) NOT NULL,
    "provider_refund_id" VARCHAR(64),
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "refunded_at" TIMESTAMPTZ,
    "order_id" BIGINT NOT NULL REFERENCES "orders" ("id") ON DELETE RESTRICT,
    "payment_id" BIGINT REFERENCES "payments" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_refunds_order_i_83dc7c" ON "refunds" ("order_id");
CREATE INDEX IF NOT EXISTS "idx_refunds_status_0f09d1" ON "refunds" ("status", "id");
CREATE INDEX IF NOT EXISTS "idx_refunds_after_s_40e3c6" ON "refunds" ("after_sale_id");
COMMENT ON TABLE "refunds" IS 'Money going back to the customer through one channel: the intent first, then the provider''s answer.';
        ALTER TABLE "payments" ADD "refunded_minor" BIGINT NOT NULL DEFAULT 0;
-- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_amount_positive" CHECK (amount_minor > 0);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "payments" DROP COLUMN "refunded_minor";
        DROP TABLE IF EXISTS "refunds";"""


MODELS_STATE = (
    "eJztXWlzm0rW/itd+jJJlW/Klpf49UxNlWIruXqvt5KVO0tyCyNoSV1GoAvIjmsm/3262Z"
    "vNNIuE0PliS9AH0PNAc/b+T29pqFizPgxU1cSW1btA/+np8hLTD/FdB6gnr1bhDrbBlqea"
    "M1Z2B2F32NSyTVmx6Y6ZrFmYblKxpZhkZRNDp1v1taaxjYZCBxJ9Hm5a6+TPNZZsY47tBT"
    "bpjm9/0M1EV/EPzC7v27fe2sKmRFR2JmJJKp7Ja83u/cHGrZ6kGcGayv0Od6izXbJfV862"
    "T2Q+0u3Pzlh2JVNJMbT1Ug/Hr17thaEHAkS32dY51rEp25idwTbX7KexK/dg8H+t+yvCIe"
    "7lR2T8iw6hmErhtp4k3d5NpIfhRJJ6AuAphs6Ap5fqEjlnl/DL//X7x8cf+4fHZ+enJx8/"
    "np4fntOxzvUmd3386V5MiJZ7KAez0ZfR7YRdkEHZdXlnG346MrItu1IOSyH6JlbIimAXPp"
    "6Ey4VsplPACcWYoD8xzoSPex4V/oaQi/De3AQZS/mHpGF9bi/o17OTHJx/H4wvfx2M352d"
    "vOfBvvX29J1dDPYQ5hWFCItAHAh0EN7+YQF4+4eZ8LJdMXhN45noihjCEZkOgnzcLwDycT"
    "8TZLaLB1kh9qsIwP54ALcAuCphF6AITcNRmc2B3OvtKMT0XBgLARxKdPAe7h8Wm4bz5uHk"
    "RGxYtqxRCFWxuZgX69zNfFQE6qNspI8SQEdU66T2bBgalvUM9ZkTjCE9pZJNQR1saQDtPL"
    "X47u6aHXlpWX9qzoZRTEm+/XrzaUjhd9Cng4jN6c6RF6CJGSaSnIL5Fd1jkyXOeBVykjHQ"
    "VU/0g/9hB6eWHAImo5vhw2Rwc8+xcDWYDNmevrP1Nbb13VnsUQgOgv4xmvyK2Ff077vboQ"
    "MnnTzmpnPGcNzk3z12TfLaNiTdeJGoBRzBxN/sb+JoXq/UkjTzkkBzu2kO/RTFnQ8Robc9"
    "EDtA6OacEMz/M3tK9UEwUJM0fDZMTOb6b/jVoWJEr1tON9c8T9hX7zA7RsFP/x7zt/YCP5"
    "QpvwQOs+itR387/cXYfU9dDh4uB1fDnoPwVFaeXmRTlTio2R6jb8S2BGOTu5b9ZXyLrMtz"
    "Bxz2K9g1e6iP8Yw+lIuJ8YT1Xop/ktt/kOekNN2Rks2GFvNU9gbIk0KO1AGybHrbqMjQtV"
    "ckW4jYFnr4dfBL//Tsr8g0bHZb0J0KPZS9wDp6wiubiiKVgqnY9GAU5Q+9GG/NnaWIP9XC"
    "lkV/LaMenKjtdKI6d4W0kK2FiNHDS9Vj82yXjIadqMSy1qX0Mk4Q1LJWq2Xe9FmCZV6yBp"
    "q9ZwdYrp/lyEtN6L3Fy4EKXpcK7uFagxb+EB5px4goqojz92CbdHEf+xQ1PEJLtgbu/bKC"
    "uvedjpFF7w2s/kJ0qts+EwVfIJkOXxKqFxszVxWmkPPqs5VUsKsdSjArwcTPVNZ5T4BC3U"
    "6FGjyte6EFaLJlS/TJLEN0XBaobjXV+MeK0MOVIJqXBJpbTbPzmqXKiVg+GS/VuejvcaFI"
    "+3FOpP04GWlXNJaAJ5GVCNCcUOdwPjktAPPJaSbKbBcPckRVFJy1eElwRrR50vK5oqqjlW"
    "YD5yXCxiVLPVQt47bpRCyIvLbF7QOR14Yjr9FJJh7djN37nvzn38ZYk22SOp1kxFQ7gvvP"
    "Jn1jzj2a4hjz791srxijv/nCGfBEtdIThZcy0URUgkCgFk2gRfHc/mmRgC4dlZ0vfJoI6S"
    "6NKdGEUoVDic4BXHtZjPNfAFt/fOcsw6NCFvhRjgV+lJLrLlvWi0HfS6KJHwlBqC4oWF0g"
    "vy6Z/6IC8hkH6J7Z1ggBxJKo/kOeU2aVt4oOQrkN1hz4k/nOlhxQ4KjxNZuJ4x2IQYmHIN"
    "7rFTbTDeM3MY+KAu4CuFPcliRMPuBh//+Hu9uM+ZwXi7tZiWKj/yKNWI05iHp/m611hWGK"
    "pmui2US3PrDz/b0pvSaHDgYTR4c/lb+7GfwzPstfXt99ivtS2QE+xYh5wcpCtiVjhfU0Qz"
    "T7VZsQ7Jq6Xn9+K2Q9lLntdy7cAPVle0Gz6ycuQzMvCbHDtrGcCKgU8f9zLZjKu/4j7Z52"
    "89lOev1T8sIrgtS9HGQOJMNUvYhEeYju2DG6BFCTsaPBWiX2GCsU+F5aC7bI7oPcNmxsoG"
    "Q6IzfRio0e2XAil3TPN3oZJh0LOc8tjTSJ6wmgBrZUQYhO1u4z+ESRFLGeeakOxgeOzooE"
    "ZOLEReIxZ3HrOZjshOawqFSpvKKW6dabnMs47FOrx3Jv8HT9pAs3d/2uIe/dLQBwKNFBgI"
    "/650Wmj/559vzB9vEYG/RAz7K2TgluZXugOaFK/ueWTSSbdjTr+EUcfU4I0C+PfpnU50op"
    "z23OFjktFDo/zQmdnyZD5yamv9OyUxWUPJSjUp1DuoEYCpTFNFMWI+D0bLTEXdbVqfHjUj"
    "OUp15anXt0/0Fusbs7UlKCoQW6TVkUdg0j03hB74iKjt5foAX9PJNN1ukJecdEzjGRudYt"
    "JC+wrDoV7FjWkGOZ92Ik1nncmhON98X30z86+Xhyfnx2EphJwZY86+htr44xm1mYFSqLma"
    "Wc2ObqXQ6bRXnDVilDUNyrFkqBZ63VnjVG1PS1RAuhiBi4fCpVkm1HB7ik1MwN8zXt/R/s"
    "y333K+4ospEFcVay6WiX0L9xuy+G7Jd0++skNudZa6JSwtLWcxF8/fGd64nZUB2KLVgEYT"
    "dadbLNErUipi4dlVOilugBQdUWkh7dyJydoyKdUd4rmkiQ5rpn6nmo9ghpNpwYqOeV1PM4"
    "GUkmhFs9RPXr3eKhaLcH7gbk+j2M6TMxHl1OijV8UBZEU02c8t4QydPrHt78JGEa6lqxKy"
    "Yz3rtH6RBGTZrPPlop1nMEyGzjOcpZw6YznY1s1wcaefU7yYzhniXRpZVJFCzRT4YZ323J"
    "GrYowmvdk/Rsf98D5I0E07ydpjmYjkHCXCHT8SzHdDxLmI42scW6bwQCHXR9NFIxH72yBM"
    "4T/CNjEomJdSAmnWfaDP854ayaREZLYNlc391+8YfH01ziq336b4DkvT3U18uEvstPI4H0"
    "BqG/Gg8+TwTxd4UukPPvuz64nIx+H14g9z/9TnGkH67oFu9TPPi8pWRdm55/urbTyqGy07"
    "14Kaj2zn9oSqSBkSVVGYUoCSWAjtrpiKu2QnpoinBnfJEbTiRgk2F5HpLCwEPJhI6ILSfE"
    "QUwQ8C+bUCObykLKsBqytdm4HKiz4uqsC+HUUF9LIO+LAfDCwEO0qhQVuxatgqYse0FzzP"
    "lbXIOICUJgsqbApBKJb0Fo8o3QZOwmrBCcfJZNIutV426/u0fZ3Tlts4E3H66UwFsEyezA"
    "W5S0QsUq2MUfPfz29QN6fLRsQ3l6fEREd4pKBvcjRCy63WCrUOsq+gXRmRabz1h9fEwtUq"
    "l6vELZsm500Z9n/UwqiM+1ND73tBYKz7nDOxeda6DiH0JzDYfmDOeihLzdERFwd9fu7i7t"
    "Yt2ae7Uj03tEHTeWLP+NGrNleEiTBkupPBdWSRYswL8G/D01Vgz8iBBEGcrh7hsNYsBHpQ"
    "D5cshDqQuUumxqTu+SVxmCB3tBM++aEjFPOJcWWCd1FTWF1QoVQwfFC0jaRkThqibuHhRd"
    "xrbZbg5mqkvc2X6Q38XBLO4MV9aWbSyx+RcLMTn07vHRW9f38fE9MkwkozlrtUb3013OKr"
    "3O6nB07wHS8TM20dSwF2l+8ToPXcRFHnlpgFu8nW7xkGQhFy4nBQsm9d7wkYN6vRd6F6jX"
    "+0Gz+84Ue21FhGrxdO7JuyuhVRdJGtGIXnX5IqbUXdPD7O6jViRlhL+nk4jd6Xhi0D8FrZ"
    "OvVqGlelp1Kxe1SyLPbwGjpLKh4dx7GcaGf1/mGxxS8BTUW/v+zT26C4WX6RP0jOPU//hO"
    "UP9bp/7/uaYEETslqzGTgKhIl1xEtfnSLTo3KHZqWChvWeaoGKw8XnxFZrCtyhCwc0p35K"
    "Ujkgxvgje7crQ18h4XQp+XAwLqK0Uw6+mQZu4iBcVrEMz8KELKLV4Dqt0rNYgDyz/WbYrQ"
    "uGvFplhNwSKy2SZTuFZtw63CIoak39KLbwSGf6wIfXEGHcSiHcXAjGqlGaWvl9M0/0lOZ+"
    "5AonMlBsf9AuGT435m+ITt2vUWSeJg9+6Ht1ej2y/S/eBfN8PbyQWKbfiu3w9GV3Qz/ftd"
    "f/h1dH/P2iV5H77rV8Pr0e/DMdsWfPyuX97d3F8PJ2xr8JFuHdxeDq+vna3+x3i8uFC5Q5"
    "FIWT87UtZPRMpMPFvrqlSN8cRBNthOYOyc+8E59YdbzxgSuQ+YzAVifxnj48locM1Idz58"
    "1z9/vaZf2d8yfNXfH0tZmybWlRQHUs4qZhGZNj+SZee/ItNf9uyXmPzWU9uwZa1Mhn1SFq"
    "yw0mawtSCrFb2sUkQkZIGI8v4IY61Q7VpSieV0SipDSPYxgJgKafns/BK1cEQTT3lBoKAq"
    "BVUejcxDAC2laSn9BofXd33VWlMKkaSYWCW2M9WU4SPvKEBOaXKmssYsudK0pMsDIaUJwT"
    "9sbOp06lHXpSrd0+WBkNKEyKpqYkusC3UosvkmENsJazfTbFp/NoiS0uMkp9t0KFIJ+pbV"
    "t28aed2whfq3+uOhfahw+9BI1CkBeH4aDS8JaTTtTqOBbKl9oBkqUfaC5pVMynAcEauB4N"
    "3RUXaOXydsUOox5iWB5TazrGKNPGOzFM9xWWC6zUyzvnMsV66U/hWTBaZbzTRzR2paOaZj"
    "ssB0m5neSjVw25TqVuTFp9ewCmdwF6xibRsFVQtZxfry42dcuSu/k5U9fMY7ecdnVllH54"
    "YaCtEdkLpWic7bsK/L6vfSvXuUroLkZrRWxMhNTe0qRMzireFGevAO0yWYGq+5cSfxrMKb"
    "YIp/o/pGCl8qbzdKu9Mx/XGy7nZ1RcYMyfQvOwx6Z5iI2BZyPNZ05/sL9LKQ7QM0M40l/U"
    "jNZWQb7ocDNH2ln4zlAfuuJ7umNXieItVCLjDu6xr6KLS2AMgBMIF/TgM1b3wX099rL/9h"
    "j1PFipDYIWrpWNcM6lAH5D5QRkXGuQO0+TEDwp199GVvmNITSVvHoBjj/BFaTfnl14fJ3c"
    "1wTFnwPlFiJ4PPnymt7B/99q+HyfCGfnX+l6Go/lovF2BRRSMqBWt8lE3/g0yojWVCiTvs"
    "IVdiB/z0UUuq+OwVlQJPfV2eesPvx1HRVR/09dgxEor66qN3n7CzvnGvT1aPSs5l/ZbPp3"
    "iXyt4AscFIttDUWM8X9gWydHllLQzbYn4ZtrSrQg10zZgj2aZf6Z+lwXx5iC3yyjw1FlUk"
    "MRuLZWWBPM8z/W/aae3yGz6bqPsHlphtwaR2kOME2plVqZpnorZmmtB7btsFxbCW0JZLh2"
    "F95YbXV/bnCmGkE4KAeDHEt7kYe6vQrX+pGVgsvGU1jBQNWyq9YniaNLxMS79Ms/vd55HQ"
    "1Zb30ARl3yjw215V6JgFNNTWpal8cyYgoe6GQJV7AQEl9bUBqtABCGiosflPlcY/QERtU9"
    "RUtkipt0W6PBBSmhAIIkMQuS0k7HwQ2a/ZSQkhR8p5sgPI0cqhAtFjHfnvpiAWG83ml20k"
    "o5VpPBMnt591EnQT+Vmk1z8VsjSiYGTo71MCxg2cQChG/Ef2OiIQMW5nxNi7G0Sc4VGZDn"
    "rEG1iiYCHrOtZEMI6IAMQFIKanUrEkvgpOXA7WwolBnSyGkZdl+3rHJUETLW0GwKonja96"
    "klP8kxEk3olqn9ZM2W5Fedkm6HHZzc0lh52aSHxlTnJKjGUnDp7qXnhbH0w5RIvLHFuTL6"
    "FohNpd0ko25aVQ1kRCEBo9l0+SgO7DZajYuRoc6D68FzRD9+G9oBmCIRAMaQsJGwmGbKsf"
    "VzuVw832mfLASokVhTBmh4oifL0dKboxdPyK5gbFALGLZ02cnHK/tWUbS2zSLyYrCUR0HP"
    "JcxRfOCIoFi/rMiGnZB2yL7gZ3PBPtLxaiJtoLNpPBow2ds0o8yd8iz2y635I1LEFHqtaG"
    "lrw1sMV98glBcMq/6ZSHEFPzzWe4WUdoYkmIQhuasv5KiD61gASIPkH0acdncxPLVlqjhD"
    "y1xJfoQEsrHt7zIhW259kFtueJ+togJuQpcyUjSpw0BJMKBJPAv70Pjk/wb+8FzUGagzjP"
    "MVFYwafNPEMcY5sZMG7iu3h/IU4OLHqII7UtjpRyl9cAbPGFblp2exdFln+wW1WwFKwNkx"
    "KFiq4bkx2H4hapeTMSlY2teBxHkU2TuI8kO+kTPZzv44cQTjtDOBHKCrv5QhHwQxUrXOEe"
    "BQGoU0Q7CHn9PpJqy3psw8/a85baEPQG9pJLdYxupcl4cPswmlyg8HOwhMfo9kuwhgf9nL"
    "W0x/347tM1WxzC+/BdHw8nX8e3bJj/qdeKxwv8YW+pQ50woMEfthc0g58E7PS2kLDhfM86"
    "ljv2LcTOrXi8CZM7c4XRBKpvG99l1hl1VH3kvq6crh7IPxp6NyOahlW2wCdLvAwG+2HUA0"
    "TvDGymdAyp+dhFnAIBBu4jAb1BWmv9wzJUnVSids/8FScWLF8OkATX2cv2xcQ6kOqU9+w2"
    "sXpf7AVX/O0VEwRTpS5TxYpERipaK9Egy45RUdRgid2GrYp/3a3tqfEjUxWP7s5VxA1noI"
    "gaXi0StlpPNWItAj8TlC21Vut17gnBfNWoDBQrxVSTZLGSbayIIhTp8gXarHO2Jr4lz6m5"
    "MGdtlx2cBHBOSnYQ8AY64gWwCReGxSRB56tQk+TWKQtzEBOERL4KiZSaIaegn93CKiKy+Y"
    "W/tuMvaqR7FYS5y1Cxc667uBkhQnRcFioC2sZ0woOxHRt7pOLlyrBZre5v+LWXYmbHRhzk"
    "WdokHCs94dcGjO1vvbUVRlhX7Ib1nJf0fK6Zzdni0JW+JZpDtg0eIbQ4BREhUKNLK3HcA1"
    "TUbuSEOmgy1m+jP2Gh5gnecIC2ALQzenJsrkyS5vDPhjgmBlAXzKTOcDAViyS33sdEZ0jp"
    "fnz3ZTx8eHDixv6X7/oVVf0u0JWnAG4/4Et1GvaLEmxkW9+hBHSOBtsbLLJc2xsahHeW5p"
    "YY3gNsEmXRSzG4vT0HeYa2HI5pMpYtZDHvi7ncPzr5eHJ+fHYSmGbBljyL7G1D+BmblqAt"
    "FhFps2JVUoftn54W0JvoqEzFydkXi9/Rh0oAYW94B9E9OizSCIyOylZLDxOtwOgZ7dTkq5"
    "yVTUIRCAsJqqZbfZn9/B979cOO"
)
