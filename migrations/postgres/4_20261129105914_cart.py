from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "carts" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "user_id" BIGINT UNIQUE REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS "idx_carts_updated_3b9f4f" ON "carts" ("updated_at");
COMMENT ON TABLE "carts" IS 'A customer''s cart (``user_id``) or a guest''s (``token_hash``), never both.';
        CREATE TABLE IF NOT EXISTS "cart_lines" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "quantity" INT NOT NULL,
    "selected" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "cart_id" BIGINT NOT NULL REFERENCES "carts" ("id") ON DELETE CASCADE,
    "variant_id" BIGINT NOT NULL REFERENCES "variants" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_cart_lines_cart_id_489b33" UNIQUE ("cart_id", "variant_id")
);
CREATE INDEX IF NOT EXISTS "idx_cart_lines_variant_8b0e32" ON "cart_lines" ("variant_id");
-- Hand-written: aerich emits no CHECK constraints (DESIGN §5).
ALTER TABLE "carts" ADD CONSTRAINT "carts_one_owner" CHECK ((user_id IS NULL AND token_hash IS NOT NULL) OR (user_id IS NOT NULL AND token_hash IS NULL));
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_quantity_positive" CHECK (quantity > 0);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "cart_lines";
        DROP TABLE IF EXISTS "carts";"""


MODELS_STATE = (
    "eJztXVtv2zgW/iuEX7YF0iJxrttdLOCm6TTbNikStzuY7kChJdomIksuSSUNZvvfl9TFEn"
    "WLKEuOrPCldUgeSvoOdXiu1F+DhWshm74eWRZBlA7egL8GDlwg/iPdtQMGcLmMO0QDgxPb"
    "HwuDQSgYNqGMQJPxjim0KeJNFqImwUuGXYe3Op5ti0bX5AOxM4ubPAf/8JDB3Blic0R4x/"
    "c/eTN2LPQTidv7/n3gUUQMbIkrYWpYaAo9mw3+FOOWt8YUI9uSniMY6rcb7GHpt73Fs3OH"
    "vffHijuZGKZrewsnHr98YHPXWRFgh4nWGXIQgQyJKzDiiUcTdx7CED1t8BTxkOD2EzTRTc"
    "dQTIy4bWAYF5dj4/psbBgDBfBM1xHA81sNGDkTt/Dq78Ph/v7xcHf/6OTw4Pj48GT3hI/1"
    "7zfbdfwruJkYrWAqH7Pz384vxuKGXM7dgO+i4ZdPAxkMqHwuxegTZOIlRgF8MhNO55Dks0"
    "AiSnGCP2KaExHuZayIGmJexGtzE8xYwJ+GjZwZm/M/jw5KcP42ujr9MLp6cXTwUgb7IuwZ"
    "+l0C9hjmJYcIqUC8IughvMPdCvAOdwvhFV0peIl7hx1TDeEETQ9B3h9WAHl/WAiy6JJBNj"
    "F7UAE4Gq/BrQCuhcUNmEpiOEmzOZAHgy2FmF8LISWAY4oeruHhbjUxXCaHs4LYpQzaHEJL"
    "TRbLZL1bzHtVoN4rRnovA3RCtc5qz65rI+gUqM8SYQrpCadsC+pVSwtol6nFl5efxMwLSn"
    "/YfsN5Skm++Pr57RmH30efD8JM0p0TGyBBAhMD5mD+jvcwvEAFW6FEmQLdCklfRz+2ULSU"
    "MGB8/vnsejz6/EXiwrvR+Ez0DP3Wh1Tri6PUq7CaBPznfPwBiD/BH5cXZz6cXHjMiH/FeN"
    "z4j4G4J+gx13Dce4NbwAlMouaoSWKzt7Rqslmm1GzuNptjP0V150OC6HEPxBYwdHNOCOH/"
    "md7m+iAEqFk2vHcJwjPnI3rwWXHO7xvmm2uhJ+xrOM2WseBXtMai1sHKD0Xg/cphllx6/N"
    "n5E6NgnzodXZ+O3p0NfIQn0Ly9h8QyJKhFjzt0Uy2rsdmuxXCRboEOnPngiKcQ9xyifoWm"
    "/KWcj91b5Axy/JNS/06Zk5IEIw0mhlbzVA5GIKQCPtUOoIwvGwu4jv0AIAWYUXD9YfRqeH"
    "j0D0BcJpYF7zT5VGyOHHCLloyTAouDaTI+GUf59SDFt/auUsWfShGl/GkF67UTtZtOVH9V"
    "GHNI5ypGj0zVjM3ztMxo2YmKKfVq6WUSoVbLOq2WheKzBpdlygbYHL47msvNczmxqSntWz"
    "KdVsGbUsFDXBvQwq/jmbaMEVUVcXkNdkkXj7DPUcMTbCnWwMMnq6h7XzoIUL42kPUKO1y3"
    "vcMmegMgH77AXC92p4EqzCGX1WeaVbDXm0oxK4GgO07r7xNaoe6mQq09rc9CC7AhZQZ/M+"
    "swOk2rWd1pVqOfS8ynq8FomVKzudNs9rdZrpyo5ZPJVL2L/u5XirTvl0Ta97ORdtMWCXgG"
    "XqoALRH1DueDwwowHxwWoiy6ZJATqqKi1JIptTOiy0Ir4hVXHWmeDVyWCJumrPVSdYy3bS"
    "di6chrV9w+OvLacuQ1KWTS0c3U2g/p33+8QjZkOFecFMRUe4L7rzZ9Y/4azXGMRWu32Csm"
    "2N9+4Yz2RHXSE4UWENsqKsGKoBFNoEPx3OFhlYAuH1WcL3yYCeku3Am2lVKFY4reAdx4WY"
    "z/vwK20fjeWYZ7lSzwvRILfC8n1x1Seu/yfUk18SNDqKsLKlYXwIeF8F+sgXzBBP0z21ph"
    "AKYG13/wXY5UeazoIKbbYM1BJMy3tuSAA8eNr+lUHe8VmS7xUMTbWyKSbxg/inmSVOOugD"
    "vHbYHj5AMZ9n9fX14UyHOZLO1mxSYD/wM2pq05iAb/nHqOKTAFEw/bDDv0tbjev9rSa0rY"
    "IWCS2BGJ8hefR7+npfzpp8u3aV+qmOBtijH3yJxDZrhL5OQZosVbbYawb+p68/mtOuuhzr"
    "LfunCDri97FmwO/MR12CxT6thh17icCahU8f9LRzDVd/0njnvaznc76/XPyQtfE6T+5SC3"
    "GhoZeRZmV8h0iRx5yOneKT1lTAw0iD9yEyeN8ZldPzDHe77z2yB8rE7p7WggRX0b1FpOR/"
    "e/pMAO3sFbjqSKcShT9dD9vXdUJd6QZlwi3HCUNg5Xwk5JhiWpaqXNdEx13KQsk7DPLY4q"
    "XeD5GkofFnfzno9w71YAOKboIcB7w5Mq4mN4Uiw/RJ+MscsnuoO2lxO7KXawSkRruVc7Jk"
    "g27Ud10L06+hKRRr8++nUye9fK6O1yMsRhpcjwYUlk+DAbGSaIPydluQpKGcpJqt4h3UKI"
    "QFd9tFP1oeDTa7WCGzrWxP15arvm7SCvjDvZv1Nayx2MNMzV0AqHKVEOu40Ace/BC2yBvZ"
    "dvwJz/nkIiDjIC4ZzAnxMQz6EAzhG0/AJtBG3gW+aDFBObnLfhPNrn4vsZ7h0cH5zsHx2s"
    "zKRVS5l19LhXx51OKRJ1uGpmqUS2uXKO3XZR3rBVKhBU96rFVNqz1mnPmmDU5KHGCTkJMu"
    "3yWatQ6ml0gFPOmplLHvL2/1Vf6d5vBqPwRr73soTE1y718YRPuzEUb9LdLwPYnGetjUIA"
    "anszFXyj8b078rGlMgummOPPWi2qeMoKrCqmLh9VUoGVOeKAqy04P7pRKJ2TJL1R3tc0kX"
    "QW5zNTz2O1R0mzkci0er6Wep5mRpYTyicZJPXr7eJD1cMMpAUoHWdwxd+Jq/PTcbXzDMw5"
    "ti2CcvYNlUy9/uEtCwniWp7J1kxn/BLM0iOM2jSfI7RyrOcEkMXGc5JnLZvOXBqxwAea2P"
    "r9ZMa4Z4EdY0mwiQz+yyXpbgptRDnCnhNShrZ/5AEKR2rTvJumuTYdVwlzlUzHoxLT8Shj"
    "OjLM1A6XWBH00PXRSkF48s4yOI/RzwIhkiLrQUy6zLQ5+30sWTWZjJaVZfPp8uK3aHg6zS"
    "X9MctoB8iu7TPHW2T0XVmMrKg3CP27q9H7sSL+AdEb4P/3X2d0Oj7/dvYGBP/zvzmO/Mc7"
    "3hL+SgefnyhZl/HrTzyWV+1TnO4lU+li5vKXpkYaGF5wlVGJJTGFZkfj7Eirtkp6aA5xb3"
    "yRG04kEMKwPh+yxJoPNRM6EracEg9ShBr/ugk1kJhzo8BqKNZm03RanVVXZwMIJ671UAP5"
    "iEwDrwy8jlbVYsW2Rav0mSPPgs0p5291DSJFqAOTDQUmzUR8S4cmHwlNphbhGsHJO0gwdN"
    "aNu30LZtlembbZwFsEV07gLYFkceAtybRKxSoowB9cf/z6GtzcUOaatzc3ADt+UcnoyznA"
    "lLe74iPLjgVeAS5pEblD1s1NbpHKuvNVypYNoouRnI0yqXR8rqPxuVtPKTwXDO9ddK6Fin"
    "8dmms5NOf6N6Xk7U6QaHd34+7u2i7WJ3Ov9kS8J9RxdyHy37gxW4cPedTaUqrPC1qTC1Tj"
    "3wD+oRqrBn6CSEcZ6uEeGQ1qwCepNPL1kNelLrrUZVMyvU9eZR08eBZsll1TKuaJ5NLS1k"
    "lTRU1xtcKaoYPqBSRdY0TlqiZpDap+pbXd0xxIrkvcb98pP8WBVHeGmx5l7gKRv1Eg6MCL"
    "m5vws7U3Ny+BSwAEM3HUGu/nXf5HaP2Pn/HeHeCgO0TAxGXzPL94k1NXcZEnNg3tFu+mWz"
    "xmspILV6LS3wMaPOIj1+r1s9C7tHr9PNgcf0W++raVIGrE0/lM9q6MVl0lacTGzrpf5xFK"
    "3Sc+zfa+alVSRuQ1nUXs0kFjl/9T0Tr5Gk6yTUu5ql2SeH8rGCVrGxr+2iswNqJ1WW5wGK"
    "u3oNna9+/B7AEUYabP6sw4Sf1Pd2r1v3Pq/w+PMwiznKzGQgYkSfrkImrMl065bDBZblio"
    "7KvDSTL9Ye3qHxzWtlUdBmyd0p3YdFSS4Yn2Zq8dbU3s40roy3SaAc2VIpBmTkgj28iC6j"
    "UIpDyKkLPEG0C1f6UGaWDl17pLEZoRIticD3LMprBnp/Sjp/GYNg8LU7KEnosZ1NpnLe4Q"
    "obmJQsXBjQRJHzPU2zh6WLxUCgiHw3uIbivnZvMrstxDUYvz/xMkm8//fxqLprFMfwWXc/"
    "Ob2a//AzUjo0E="
)
