from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "categories" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(100) NOT NULL,
    "slug" VARCHAR(100) NOT NULL UNIQUE,
    "path" VARCHAR(255) NOT NULL,
    "position" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "parent_id" BIGINT REFERENCES "categories" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_categories_path_a87874" ON "categories" ("path");
        CREATE TABLE IF NOT EXISTS "products" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "slug" VARCHAR(160) NOT NULL UNIQUE,
    "title" VARCHAR(200) NOT NULL,
    "description" TEXT NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "attributes" JSONB NOT NULL,
    "images" JSONB NOT NULL,
    "min_price_minor" BIGINT NOT NULL,
    "max_price_minor" BIGINT NOT NULL,
    "sales_count" BIGINT NOT NULL,
    "search_title" TEXT NOT NULL,
    "search_body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "category_id" BIGINT REFERENCES "categories" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_products_status_888764" ON "products" ("status", "created_at");
CREATE INDEX IF NOT EXISTS "idx_products_status_34910f" ON "products" ("status", "min_price_minor");
CREATE INDEX IF NOT EXISTS "idx_products_status_c18fe5" ON "products" ("status", "sales_count");
CREATE INDEX IF NOT EXISTS "idx_products_categor_9b95e2" ON "products" ("category_id", "status");
COMMENT ON COLUMN "products"."status" IS 'DRAFT: DRAFT\nACTIVE: ACTIVE\nARCHIVED: ARCHIVED';
        CREATE TABLE IF NOT EXISTS "variants" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "sku" VARCHAR(64) NOT NULL UNIQUE,
    "title" VARCHAR(200) NOT NULL,
    "options" JSONB NOT NULL,
    "price_minor" BIGINT NOT NULL,
    "compare_at_minor" BIGINT,
    "cost_minor" BIGINT,
    "on_hand" BIGINT NOT NULL,
    "reserved" BIGINT NOT NULL,
    "position" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "product_id" BIGINT NOT NULL REFERENCES "products" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "variants" IS 'A sellable SKU. ``stock`` in the API is ``on_hand - reserved``.';
-- Hand-written: aerich emits no CHECK constraints and no expression indexes (DESIGN §5).
ALTER TABLE "variants" ADD CONSTRAINT "variants_stock_covers_reserved" CHECK (reserved >= 0 AND on_hand >= reserved);
ALTER TABLE "variants" ADD CONSTRAINT "variants_prices_not_negative" CHECK (price_minor >= 0 AND (compare_at_minor IS NULL OR compare_at_minor >= 0) AND (cost_minor IS NULL OR cost_minor >= 0));
-- Search (DESIGN §3.2): CJK characters and bigrams and Latin words (mall/catalog/search.py),
-- read verbatim into a tsvector; mall/catalog/search_sql.py queries this exact expression.
CREATE INDEX "products_search_gin" ON "products" USING GIN ((array_to_tsvector(array_remove(string_to_array("search_title" || "search_body", ' '), ''))));"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "variants";
        DROP TABLE IF EXISTS "categories";
        DROP TABLE IF EXISTS "products";"""


MODELS_STATE = (
    "eJztXe1T2zge/lc8/tSdoR0SCLDczc2kQLdcW+hA2tvZ3o5RbCXR4FhZSwYye/zvJ/kltv"
    "yG5cTBcfWJIOlR7Ocny79X5W99ji1ok3dDy3IhIfqp9rfugDlkH9Jde5oOFou4gzdQMLb9"
    "sSAYBINhY0JdYFLWMQE2gazJgsR00YIi7LBWx7Nt3ohNNhA507jJc9BfHjQonkI6gy7r+P"
    "Ena0aOBZ8gv7wfP3SPQNdAFv8mRAwLToBnU/1PPm5xb0wQtC3hPoKhfrtBlwu/7T2aXjr0"
    "gz+WX8nYMLHtzZ14/GJJZ9hZAZBDeesUOtAFFPJvoK7Hb41feUhDdLfBXcRDgstPYKKLjq"
    "kYG3GbbhhX1yPj9mJkGLoEeSZ2OPHsUgNBTvklvP213z84OO7vHxydDA6Pjwcn+ydsrH+9"
    "2a7j5+BiYraCqXzOLn+7vBrxC8JMuoHcecOzjwEUBChfSjH7LjTRAsGAPlEIZzPg5otAAK"
    "UkwW4xLYmI9zJRRA2xLOK1uQ1hzMGTYUNnSmfs36PDEp6/D2/OPg5v3hwd/iKSfRX29P0u"
    "TntM84JRBGUoXgE6SG9/vwK9/f1CenlXil4XPyDHlGM4gekgyQf9CiQf9AtJ5l0iySaiSx"
    "mCo/GK3ArkWohfgCm1DScx2yNZ13eUYvZdEEoRHCM6uIb7+9W24bJ9OLsRY0KBzSi05PZi"
    "Eda5xdyrQnWvmOlehuiEap3VnjG2IXAK1GcBmGJ6zJBNUb1qaYDtMrX4+vozn3lOyF+233"
    "CZUpKvvn15f8Ho99lngxAVdOfEC9CFnBMD5HB+znoomsOCV6GATJFuhdB30Ydd3FrYDVrX"
    "jr3UAyOqRCCjyy8Xt6Phl6+CVM6Howve0/dbl6nWN0epR2M1ifafy9FHjf+r/XF9deHTyz"
    "aTqet/Yzxu9IfOrwl4FBsOfjSYRayv7L2oNWJNkLq3sGpKXUQqqbdF6hFHCbGHV5+QeuzF"
    "qO6aSIBe9k/sgny35qLg3qHJfa6HgpOaFcMH7EI0dT7BpS+KS3bdIN+YC/1k38JpdkwEz9"
    "Eai1rjXcsFjyt3WnLpsXtndwyDt9jZ8PZseH6h+wyPgXn/CFzLEKjmPbiPUy2rsdmueX+e"
    "bgEOmPrk8Lvg1xyyfgMn7JmcjfA9dPQc76XQv1fmwnSDkQblQ6v5MfWhFqI0H7WnEcqWja"
    "VhtmVpgGiIEu324/Btf3D0D83FlC8L1mmyqegMOto9XFAG1SxGpknZZIzld3pKbs19y8ve"
    "VuVUbaVT1V8HxgyQmYwRJKI2YwO9rjAadqoiQrxaipkA7KBetrt6WFb9DjfMGlIWkRsQc/"
    "jsKClvXsoEEsJuX1rjFnFK6d6U0h3yugG9+zaeaccEUVX1Ftdgm7TviPscxTshlmKdO7yz"
    "itr2tQM1wtYGtN4ih2mzD8iEpxpgw+eIacJ4Eii/jHJRYSZZlXq9qSSzFFz4wLD+e0JlKb"
    "RToVae12IB7aYProrn1QaEGuxBrSP3NLaDkt8RSVfS/+DTArHpaghaRCoxt1rM/luX6Spy"
    "6WYiqnPB4YNKgfiDkkD8QTYQb9o8P89ACxmiBVDneD4cVKD5cFDIMu8SSU5ojpK7lohUvo"
    "k2b1qRrJiiRfJM4rI82TSy1kPVMtk2naelQq9t8QKp0GvDodfkJpMOb6bWfoj/8OkG2oCi"
    "3O2kIKjaEd6fm3SV+Ws0x08Wrd1iJxkXf/N1Ncox1UrHFJwDZMuoBCvARjSBFoV3+4Mq8V"
    "02qjideJCJ8M7xGNlSmcQxonMEb7xqxv8rwW00vnOWYa+SBd4rscB7OanwgJBHzN5Lsnkg"
    "GaAqPqhYfACWc+6/WIP5ggm6Z7Y1IgBEDKb/oIecXeWlmoQYt8WShGgz39mKBEYcM74mE3"
    "m+VzBVASLJt7eAbr5h/CLnSajiXYJ3xtscxbkIIu3/vr2+KtjPRVjazYpMqv1PsxFpzEGk"
    "/3PiOSbnVBt7yKbIIe/49/2rKb2mRBycJkEc0Vb+5svw9/Quf/b5+n3al8oneJ8SzCM0Z4"
    "AaeAGdPEO0+FWbAXZNXd98uqtKgiimvrtJEKr8rGtSr1J+FniR60hdRKrIYnuEHDzbmXBL"
    "leiAcH5T/cBA4qyoHXvUC2MCOUnka5LUvYTlRgMnQ89C9Aaa2BXjEjnde6VHlPGBhuuP3M"
    "YxZWxm7IftWM8PdhkuG6vyf1saZpF/DXZW6dn1919yww6ewXvGpIzpKKI66BzvHVWJRqQF"
    "lwhGHKVNx9VmJ7WHJVG1kmpapjpucy8TuM+tpCpd4PkaShcW9+b9IuG7W4LgGNFBgnv9ky"
    "rbR/+keP/gfSLHmE30AGwvJ7JT7H4VQGs5X1u2kWzby+rAR3n2BZBivz77dfJ+18r3bXOq"
    "xKBS3HhQEjceZOPGLmT3SWiuglLGchLVOaYbCCCompBmakIkfHqNlnsDxxrjpzMbm/d6Xs"
    "13sn+vtPA7GGmYq6EVzloijHYbai5+1N4gS+v9cqrN2OcJcPk5R1o4p+bPqbmeQzQwg8Dy"
    "q7khsDXfMtdTQtzkvBvOsv1ZfD/93uHx4cnB0eHKTFq1lFlHL3t18GRCIK/SlTNLBdj2ij"
    "32m2V5y1YpZ1DeqxajlGet1Z41LqjxssZxOgmYcvmsVUb1OjrAGRPNFLvLvPf/qq/03W8G"
    "o9AWfixGRVtaGW1pf13A9pxpTVQGENubyvAbje/ckZAN1V1QyaR/2miVxWuWZFWxbtmokp"
    "KszJkHTFNB+QGNwt05CemMvr6mVaTSOrub4FclrXMBXN+tJqnoCDCloK+loKeFkZWE9EkH"
    "SQ17t+RQ9bADYQEKxx3csEfi5vJsVO28A3OGbMuFOa8RmVy97vEtbhIutjyTrpnQ+DWYpU"
    "McNWlAR2zl2M8JIovN56TMGk5hZLsRDbygCU3AT2eMe+bIMRYuMqHBPmE33U2ADQlj2HNC"
    "ZGj9Rz6gcKTKi2ynpa4syVXKXCVL8qjEkjzKWJIUUbnDJ1aADnpCGikYT15ZhucRfCrYRF"
    "KwDkSlyyybi99HglGTyWlZGTafr69+i4anE13Sv4UZvQGya/vC8eYZfVfcRlboLVJ/fjP8"
    "MJLkPwCdav6f/zrDs9Hl94tTLfjL/mc8sg/nrCX8lA4/v1K6LmXfP/ZoXr1PccKXiFLFzu"
    "UPTY1EMDRnKqOUSGKEEsfGxZFWbaX00BxwZ1yTW04l4JthfTlkwUoONVM6EraclAxSQMV/"
    "3ZQa4Jozo8BqKNZm0zilzsqrswGFY2wtazAfwRTx0sSr4FUtUbQoWFUpnUwdQvJTiDnl/K"
    "2uQaSAKjC5ocCkmYhvqdDkC6HJ1CJcIzj5AFwEnHXjbt+DWXZ3T9tu4C2iKyfwlmCyOPCW"
    "FFqlchUY8K/dfvr2Tru7IxSb93d3GnL8spLh10sNEdaO+W8yO5b2VmM7LXQfoHV3l1umsu"
    "58Kl+2xZv0XlkU7t6TCsIFwzsXg2ugsl8F4BoOwGH/oqR82gmIcmpv3Kld25H6ak7Ujmzv"
    "CaUbz3mWGzNZ68ghD63sofqyIDWlQBT/G+A/VFblyE+AVCyhHu+RaSBHfBKlmK/HvKpvUf"
    "Ut29rTu+Q7ViGCn0LMYXq7fOGSgFPWycZKl+KahDUDBNXLRNomiMq1S8IalP2t1iZ930PI"
    "rPeZnnd+dtCzV3p0djymNac1/Cyu58YOR3qALslVQ4u9nwlIF/2fTVSz84dKguFweAfZbe"
    "QoBvaNNLewtti7nIBs37v8OjrgxvzIr3oE0fP/AbRFg/Q="
)
