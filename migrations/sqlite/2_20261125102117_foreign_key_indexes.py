from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE INDEX "idx_refresh_tok_session_11127b" ON "refresh_tokens" ("session_id");
        CREATE INDEX "idx_categories_parent__8f923f" ON "categories" ("parent_id");
        CREATE INDEX "idx_variants_product_385f68" ON "variants" ("product_id", "position");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP INDEX IF EXISTS "idx_variants_product_385f68";
        DROP INDEX IF EXISTS "idx_categories_parent__8f923f";
        DROP INDEX IF EXISTS "idx_refresh_tok_session_11127b";"""


MODELS_STATE = (
    "eJztXe1T2zga/1c8/tSdoR0SCLDczc2kQLdcW+hA2tvZ3o5RbCXR4FhZSwYye/zvJ/kltv"
    "yG5cTBcfWJIOlR5N8jP3pelb/1ObagTd4NLcuFhOin2t+6A+aQfUh37Wk6WCziDt5Awdj2"
    "x4JgEAyGjQl1gUlZxwTYBLImCxLTRQuKsMNaHc+2eSM22UDkTOMmz0F/edCgeArpDLqs48"
    "efrBk5FnyCfHk/fugega6BLP5NiBgWnADPpvqffNzi3pggaFvCcwRD/XaDLhd+23s0vXTo"
    "B38sX8nYMLHtzZ14/GJJZ9hZESCH8tYpdKALKOTfQF2PPxpfeQhD9LTBU8RDguUnaKJFx1"
    "CMjbhNN4yr65FxezEyDF0CPBM7HHi21ICRU76Et7/2+wcHx/39g6OTweHx8eBk/4SN9deb"
    "7Tp+DhYToxVM5WN2+dvl1YgvCDPuBnznDc8+DaAgoPK5FKPvQhMtEAzgE5lwNgNuPgsEoh"
    "Qn2COmORHhXsaKqCHmRbw3t8GMOXgybOhM6Yz9e3RYgvP34c3Zx+HNm6PDX0Swr8Kevt/F"
    "YY9hXjCIoAzEK4IOwtvfrwBvf78QXt6VgtfFD8gx5RBO0HQQ5IN+BZAP+oUg8y4RZBPRpQ"
    "zA0XgFbgVwLcQXYEqJ4STN9kDW9R2FmH0XhFIAxxQd3MP9/WpiuEwOZwUxJhTYDEJLThaL"
    "ZJ3bzL0qUPeKke5lgE6o1lntGWMbAqdAfRYIU0iPGWVTUK9aGkC7TC2+vv7MZ54T8pftN1"
    "ymlOSrb1/eXzD4ffTZIEQF3TlxALqQY2KAHMzPWQ9Fc1hwFAqUKdCtkPRd9GEXRQt7QOva"
    "sZd6YESVMGR0+eXidjT88lXgyvlwdMF7+n7rMtX65ij1aqwm0f5zOfqo8X+1P66vLnx4mT"
    "CZuv43xuNGf+h8TcCj2HDwo8EsYn1l70WtEWoC172FVZPrIqXielu4HmGUYHu4+gTXYy9G"
    "dddEguhl/8Qu8HdrLgruHZrc53ooOKhZNnzALkRT5xNc+qy4ZOsG+cZc6Cf7Fk6zYyx4jv"
    "ZY1BpLLRc8rtxpya3Hnp09MQxOsbPh7dnw/EL3ER4D8/4RuJYhQM17cB+nWlZjs13z/jzd"
    "Ahww9cHhT8HXHKJ+AyfsnZyN8D109BzvpdC/V+bCdIORBuVDq/kx9aEWUmk+1Z5GKNs2lo"
    "aZyNIA0RAl2u3H4dv+4Ogfmosp3xas02RT0Rl0tHu4oIxUsxiYJmWTMZTf6Sm+NfctVbyt"
    "BBLCnpazXrlY2+li9XeFMQNkJmMSiVSbsYhelxkNu1gRIV4tNU0g7KCWtrtaWVYZD8VnDS"
    "6LlBtgc/juKC5vnsuJQ03q3BLplAq+KRU8xHUDWvhtPNOOMaKqIi7uwTbp4hH2OWp4gi3F"
    "Gnj4ZBV172sHaoTtDWi9RQ7TbR+QCU81wIbPEdOL8SRQhRnkovpMsgr2elNJ5iy48IHR+u"
    "eEUqjbqVArP2wxg3bTI1fFD2sDQg32otbhe5q2g5zfEU5X0v/g0wKx6WowWqRUbG41m/1T"
    "l+kqcslnIlXnQsUHlcLyByVh+YNsWN60ebaegRYyQAtEncP5cFAB5sNBIcq8SwQ5oTlKSi"
    "2RUvkm2iy0Il4xRYvkmcRlWbNpylovVct423TWlgrEtsULpAKxDQdik0ImHexM7f2Q/sOn"
    "G2gDinLFSUGItSO4PzfpKvP3aI6fLNq7xU4yzv7mq2yUY6qVjik4B8iWUQlWBBvRBFoU3u"
    "0PqsR32aji5OJBJsI7x2NkS+UVxxSdA3jjNTT+Xwlso/Gdswx7lSzwXokF3stJjAeEPGJ2"
    "LsnmgWQIVSlCxVIEsJxz/8UayBdM0D2zrREGIGIw/Qc95EiVlyoUYrotFihEwnxn6xMYcM"
    "z4mkzk8V6RqXoQSby9BXTzDeMXMU+SKtwlcGe4zVGciyDC/u/b66sCeS6Spd2syKTa/zQb"
    "kcYcRPo/J55jcky1sYdsihzyjn/fv5rSa0rYwWES2BGJ8jdfhr+npfzZ5+v3aV8qn+B9ij"
    "GP0JwBauAFdPIM0eKjNkPYNXV98+muKgmiGPruJkGoYrSucb1KMVrgRa7DdZFSRRbbw+Tg"
    "3c6EW6pEB4TbnOoHBhI3R+3Yq14YE8hJIl8TpO4lLDcaOBl6FqI30MSuGJfI6d4rvbCMDz"
    "Rcf+Q2Li1jM2M/bMd6frBluGysyv9taZhF/hjsrNKz6+dfUmAH7+A9Q1LGdBSpOugc7x1V"
    "iUakGZcIRhylTceVsJOSYUmqWkk1LVMdtynLBOxzK6lKN3i+htKFzb15v0h4dksAHFN0EO"
    "Be/6SK+OifFMsP3idijNlED8D2ciI7xe5XgWgt52vLBMm2vawOfJRHXyBS6NdHv07e71r5"
    "vm1OlRhUihsPSuLGg2zc2IXsOQnNVVDKUE5SdQ7pBgIIqiakmZoQCZ9eo+XewLHG+OnMxu"
    "a9nlfznezfKy38DkYa5mpohZuXCIPdhpqLH7U3yNJ6v5xqM/Z5Alx+65EWzqn5c2qu5xAN"
    "zCCw/GpuCGzNt8z1FBM3Oe+Gs2x/Ft9Pv3d4fHhycHS4MpNWLWXW0cteHTyZEMirdOXMUo"
    "Fse8Ue+82ivGWrlCMo71WLqZRnrdWeNc6o8bLGdToJMuXyWauM6nV0gDPGmil2l3nn/6qv"
    "9Ow3g1FoKz8dswCur12quwxf92AoPqTbXySwPc9aE2UCxPamMvhG4zt3P2RDRRhUsgKANl"
    "py8Zr1WVVMXTaqpD4rcwECU1tQfnSjUDonSTqjvK9pIqkcz+5m+1XJ8Yy1IClFRyBT2vpa"
    "2nqaGVlOSF97kFS3d4sPVW8+EDagcPfBDXslbi7PRtUuPzBnyLZcmHOMyCTudQ9vUUi42P"
    "JMumZ249dglg5h1KQ1HaGVY0wngCy2pZM8a9iSZtKIBi7RhCbg5zbGPXPkGAsXmdBgn7Cb"
    "7ibAhoQh7DkhZegKiBxC4UhlqbfTUleW5Cp/rpIleVRiSR5lLEmKqNxNFCuCDnpCGqkeT6"
    "4sg/MIPhUIkRRZB0LUZZbNxe8jwajJJLisDJvP11e/RcPTWS/pn8mMToDs3r5wvHlG3xXF"
    "yIp6i9Cf3ww/jCTxD4hONf/Pf53h2ejy+8WpFvxl/zMc2Ydz1hJ+SseiXyl3l7LvH3s0r/"
    "inOPtLpFKVz+UvTY2sMDRnKqMUS2IKxY6NsyOt2krpoTnEnXFNbjmvgAvD+nzIEis+1Mzv"
    "SNhyUjxIESr86+bXANecGQVWQ7E2m6ZT6qy8OhtAOMbWsgbyEZkCXhp4FbyqxYoWBasq5Z"
    "apG0l+CjannL/VNYgUoQpMbigwaSbiWyo0+UJoMrUJ1whOPgAXAWfduNv3YJbdlWnbDbxF"
    "cOUE3hJIFgfekkyrVLsCA/y120/f3ml3d4Ri8/7uTkOOX2My/HqpIcLaMf+BZsfS3mpM0k"
    "L3AVp3d7k1K+vOVyl5NoguRnI2SqxS8bmWxufuPanwXDC8c9G5Bi4AUKG5hkNz2F+UlLc7"
    "QaLc3Rt3d9d2sb6ae7Uj4j2hjuM5z39jxmwdPuRRK0upPi9ITS4Qhf8G8A/VWDnwE0Qqyl"
    "AP98hokAM+SaWQr4e8qnxRlS/bkuld8iqr4MFPwWbRNSVjngguLWWdbKqoKa5WWDN0UL2A"
    "pG2MqFzVJOxB2Z90bdIrPoTMep/peddsBz17pTdsx2Na80ulP4vrubE7lB6gS3LV0GLvZ4"
    "Kki/7PJurc+UslgXA4vIPoNnJJA/tGmltyW+xdTpBs37v8OjrgxvzIr3pT0fP/ASPWlwA="
)
