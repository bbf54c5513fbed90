from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "outbox_events" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "event_id" VARCHAR(32) NOT NULL UNIQUE,
    "topic" VARCHAR(64) NOT NULL,
    "aggregate_type" VARCHAR(32) NOT NULL,
    "aggregate_id" BIGINT NOT NULL,
    "customer_id" BIGINT,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "published_at" TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS "idx_outbox_even_publish_c34cd9" ON "outbox_events" ("published_at", "id");
        CREATE TABLE IF NOT EXISTS "idempotency_keys" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "user_id" BIGINT NOT NULL,
    "operation" VARCHAR(64) NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "fingerprint" VARCHAR(64) NOT NULL,
    "state" VARCHAR(16) NOT NULL,
    "result" JSONB,
    "created_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    CONSTRAINT "uid_idempotency_user_id_0f6729" UNIQUE ("user_id", "operation", "key")
);
CREATE INDEX IF NOT EXISTS "idx_idempotency_expires_ae52bb" ON "idempotency_keys" ("expires_at");
COMMENT ON COLUMN "idempotency_keys"."state" IS 'IN_PROGRESS: IN_PROGRESS\nDONE: DONE';
        CREATE TABLE IF NOT EXISTS "orders" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "number" VARCHAR(32) NOT NULL UNIQUE,
    "status" VARCHAR(24) NOT NULL,
    "refund_status" VARCHAR(16) NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "subtotal_minor" BIGINT NOT NULL,
    "shipping_minor" BIGINT NOT NULL,
    "voucher_discount_minor" BIGINT NOT NULL,
    "points_used" BIGINT NOT NULL,
    "points_discount_minor" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "rebate_credit_used_minor" BIGINT NOT NULL,
    "balance_used_minor" BIGINT NOT NULL,
    "external_due_minor" BIGINT NOT NULL,
    "address" JSONB NOT NULL,
    "invoice" JSONB,
    "note" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "paid_at" TIMESTAMPTZ,
    "shipped_at" TIMESTAMPTZ,
    "delivered_at" TIMESTAMPTZ,
    "completed_at" TIMESTAMPTZ,
    "cancelled_at" TIMESTAMPTZ,
    "user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_orders_user_id_09581a" ON "orders" ("user_id", "status");
CREATE INDEX IF NOT EXISTS "idx_orders_status_2a955d" ON "orders" ("status", "expires_at");
CREATE INDEX IF NOT EXISTS "idx_orders_created_cdc9e7" ON "orders" ("created_at");
COMMENT ON COLUMN "orders"."status" IS 'PENDING_PAYMENT: PENDING_PAYMENT\nPAID: PAID\nSHIPPED: SHIPPED\nDELIVERED: DELIVERED\nCOMPLETED: COMPLETED\nCANCELLED: CANCELLED';
COMMENT ON COLUMN "orders"."refund_status" IS 'NONE: NONE\nPARTIAL: PARTIAL\nFULL: FULL';
        CREATE TABLE IF NOT EXISTS "order_events" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "type" VARCHAR(32) NOT NULL,
    "from_status" VARCHAR(24),
    "to_status" VARCHAR(24) NOT NULL,
    "actor_kind" VARCHAR(16) NOT NULL,
    "actor_id" BIGINT,
    "note" TEXT NOT NULL,
    "at" TIMESTAMPTZ NOT NULL,
    "order_id" BIGINT NOT NULL REFERENCES "orders" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_order_event_order_i_38d333" ON "order_events" ("order_id", "id");
COMMENT ON COLUMN "order_events"."from_status" IS 'PENDING_PAYMENT: PENDING_PAYMENT\nPAID: PAID\nSHIPPED: SHIPPED\nDELIVERED: DELIVERED\nCOMPLETED: COMPLETED\nCANCELLED: CANCELLED';
COMMENT ON COLUMN "order_events"."to_status" IS 'PENDING_PAYMENT: PENDING_PAYMENT\nPAID: PAID\nSHIPPED: SHIPPED\nDELIVERED: DELIVERED\nCOMPLETED: COMPLETED\nCANCELLED: CANCELLED';
COMMENT ON COLUMN "order_events"."actor_kind" IS 'CUSTOMER: CUSTOMER\nSTAFF: STAFF\nSYSTEM: SYSTEM';
COMMENT ON TABLE "order_events" IS 'One transition of an order (or its creation): what, from where to where, by whom, when.';
        CREATE TABLE IF NOT EXISTS "order_lines" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "position" INT NOT NULL,
    "variant_id" BIGINT NOT NULL,
    "product_id" BIGINT NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "variant_title" VARCHAR(200) NOT NULL,
    "sku" VARCHAR(64) NOT NULL,
    "options" JSONB NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "quantity" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "voucher_minor" BIGINT NOT NULL,
    "points_minor" BIGINT NOT NULL,
    "rebate_credit_minor" BIGINT NOT NULL,
    "balance_minor" BIGINT NOT NULL,
    "external_minor" BIGINT NOT NULL,
    "rebate_basis_minor" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL REFERENCES "orders" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_order_lines_order_i_cfcd05" ON "order_lines" ("order_id", "position");
COMMENT ON TABLE "order_lines" IS 'A line as bought: snapshots of the catalog at that moment and its share of each payment part.';
        CREATE TABLE IF NOT EXISTS "payments" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "provider" VARCHAR(16) NOT NULL,
    "channel" VARCHAR(16) NOT NULL,
    "trade_number" VARCHAR(32) NOT NULL UNIQUE,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "provider_transaction_id" VARCHAR(64),
    "client_params" JSONB,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "order_id" BIGINT NOT NULL REFERENCES "orders" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_payments_order_i_b4a5f9" ON "payments" ("order_id");
CREATE INDEX IF NOT EXISTS "idx_payments_status_938a45" ON "payments" ("status", "expires_at");
COMMENT ON TABLE "payments" IS 'An external payment of an order at a provider (used from the payments slice on).';
        CREATE TABLE IF NOT EXISTS "shipments" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "carrier" VARCHAR(16) NOT NULL,
    "tracking_number" VARCHAR(64) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "order_id" BIGINT NOT NULL REFERENCES "orders" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_shipments_order_i_56faf1" ON "shipments" ("order_id");
CREATE INDEX IF NOT EXISTS "idx_shipments_carrier_1e4613" ON "shipments" ("carrier", "tracking_number");
COMMENT ON COLUMN "shipments"."status" IS 'SHIPPED: SHIPPED\nIN_TRANSIT: IN_TRANSIT\nDELIVERING: DELIVERING\nDELIVERED: DELIVERED\nPROBLEM: PROBLEM\nRETURNED: RETURNED';
        CREATE TABLE IF NOT EXISTS "shipment_events" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "at" TIMESTAMPTZ NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "description" TEXT NOT NULL,
    "shipment_id" BIGINT NOT NULL REFERENCES "shipments" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_shipment_ev_shipmen_91babe" ON "shipment_events" ("shipment_id", "at");
COMMENT ON COLUMN "shipment_events"."status" IS 'SHIPPED: SHIPPED\nIN_TRANSIT: IN_TRANSIT\nDELIVERING: DELIVERING\nDELIVERED: DELIVERED\nPROBLEM: PROBLEM\nRETURNED: RETURNED';
COMMENT ON TABLE "shipment_events" IS 'One tracking update of a shipment (filled by the tracking provider, later).';
-- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
ALTER TABLE "orders" ADD CONSTRAINT "orders_amounts_add_up" CHECK (subtotal_minor >= 0 AND shipping_minor >= 0 AND voucher_discount_minor >= 0 AND points_used >= 0 AND points_discount_minor >= 0 AND total_minor >= 0 AND rebate_credit_used_minor >= 0 AND balance_used_minor >= 0 AND external_due_minor >= 0 AND total_minor = rebate_credit_used_minor + balance_used_minor + external_due_minor);
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_amounts_add_up" CHECK (quantity > 0 AND unit_price_minor >= 0 AND total_minor = unit_price_minor * quantity AND voucher_minor >= 0 AND points_minor >= 0 AND rebate_credit_minor >= 0 AND balance_minor >= 0 AND external_minor >= 0 AND rebate_basis_minor >= 0 AND total_minor = voucher_minor + points_minor + rebate_credit_minor + balance_minor + external_minor);
ALTER TABLE "payments" ADD CONSTRAINT "payments_amount_positive" CHECK (amount_minor > 0);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "idempotency_keys";
        DROP TABLE IF EXISTS "orders";
        DROP TABLE IF EXISTS "order_events";
        DROP TABLE IF EXISTS "payments";
        DROP TABLE IF EXISTS "order_lines";
        DROP TABLE IF EXISTS "outbox_events";
        DROP TABLE IF EXISTS "shipments";
        DROP TABLE IF EXISTS "shipment_events";"""


MODELS_STATE = (
    "eJztXWlzm0ga/iuUPiVVTiqWj2S9W1ul2EqijS27ZCU7M/EUaUHb6jICDYePms1/327u23"
    "QDMsLvFxtBvyA9DzTv3X8PVoaKNevtSFVNbFmDI+nvgY5WmG6kD+1IA7ReRwfYDhstNHcs"
    "8gZhb9jCsk2k2PTANdIsTHep2FJMsraJodO9uqNpbKeh0IFEv4l2OTr5y8Gybdxge4lNeu"
    "DHn3Q30VX8gNnX+/Fj4FjYlInKrkQsWcXXyNHswZ9s3PpWviZYUxO/wxvq7pftx7W77yO5"
    "mej2J3cs+yYLWTE0Z6VH49eP9tLQQwGi22zvDdaxiWzMrmCbDvtp7Jv7MAS/1vsV0RDv68"
    "dkgi8dQbGQo30DWZ6ez+XL8VyWBxzgKYbOgKdf1SPyhn2FN/8YDvf23g/f7R1+ONh///7g"
    "w7sPdKz7fbOH3v/yvkyElncqF7PJ58l0zr6QQdn1eGc7frkyyEaelMtShL6JFbIm2IMvSc"
    "LxEpn5FCSEUkzQn5hmIsC9jIpgR8RFdG9ugowVepA1rN/YS/rxcL8E5++j2fGX0ezV4f7r"
    "JNhT/8jQPcRgj2BeU4gwD8ShQA/hHb6rAO/wXSG87FAKXtO4I7rCh3BMpocg7w0rgLw3LA"
    "SZHUqCrBD7kQfgYDyAWwFclbAvoHBNw3GZzYE8GGwpxPRaGHMBHEn08B4evqs2DZfNw9mJ"
    "2LBspFEIVb65OCnWu5t5twrUu8VI72aAjqnWWe3ZMDSM9AL1OSGYQnpBJduCOtzTAtplav"
    "H5+Sk788qy/tLcHZOUkjz9dvZxTOF30aeDiJ3QnWMvQBMzTGSUg/kJPWKTFS54FSYkU6Cr"
    "vujbYGMLp5YSAuaTs/HlfHR2kWDhZDQfsyNDd+9jau+rw9SjEJ5E+u9k/kViH6U/zqdjF0"
    "46edyY7hWjcfM/Buw7Icc2ZN24l6kFHMMk2B3sStDsrFVBmpOSQHO3aY78FNWdDzGhpz0Q"
    "W0Do5pwQzP9zfZvrg2CgZmn4ZJiY3Ohf8aNLxYR+b5RvrvmesG/+abaMgl/BPRbsHYR+KB"
    "Pdhw6z+K1Hfzv9xdh7Tx2PLo9HJ+OBi/ACKbf3yFTlBNTsiDE0UnvCsdlDq+EqvQfp6MYF"
    "h/0K9p191Gf4mj6Uy7lxi/VBjn8ycXynzElpeiNlmw2t5qkcjCRfSnKldiTLpreNKhm69i"
    "ghSyK2JV1+Gb0ZHhz+UzINm90W9KBCT2UvsS7d4rVNRSWVgqnY9GQU5beDFG/tXaWKP9XC"
    "lkV/LaMenKjddKK6d4W8RNaSx+hJSjVj8zwvGS07UYllOUJ6WUIQ1LJOq2X+9CnAclKyAZ"
    "r9ZwdYbp7l2EuN672VlAMVvCkV3Me1AS38MjrTlhFRVRFP3oNd0sUD7HPU8BgtxRq4/8sq"
    "6t7nOpYsem9g9Q3RqW57RxR8JCE6fEWoXmxce6owhTypPltZBbveqTizEkx8R2Xd9wQo1N"
    "1UqMHT+iK0AA1ZtkyfTBGi07JAdaepxg9rQk8nQHRSEmjuNM3ua5YqJ3z5ZEmp3kV/9ypF"
    "2vdKIu172Ui7orEEPJmseYBOCPUO5/2DCjDvHxSizA4lQY6pipyzVlISnBFdnrQCrqjqaO"
    "XZwGWJsGlJoYeqY9y2nYgFkdeuuH0g8tpy5DU+yaSjm6l735f/9HWGNWST3OmkIKbaE9x/"
    "tekbc+/RHMdYcO8We8UY/e0XzoAnqpOeKLxCRONRCUKBRjSBDsVzhwdVArp0VHG+8EEmpL"
    "syFkTjShWOJHoHcONlMe5/DmyD8b2zDHcrWeC7JRb4bk6uO7Kse4O+l3gTPzKCUF1QsboA"
    "Pa6Y/6IG8gUn6J/Z1goBxJKp/kPucmaVp4oOIrkN1hwEk/nWlhxQ4KjxdX3Nj3coBiUenH"
    "g7a2zmG8ZPYh4XBdw5cKe4rUiUfJCE/T+X59OC+TwplnazEsWW/idpxGrNQTT417WjKwxT"
    "aeEQzSa69ZZd799t6TUldDCYEnQEU/mrs9Fv6Vn++PT8Y9qXyk7wMUXMPVaWyJaNNdbzDN"
    "HiV21GsG/qevP5rZD1IHLbb124AerLXgTNnp9YhOakJMQOu8ZyJqBSxf+faMEk7vqPtXva"
    "zmc76/XPyQuvCVL/cpATIBmm6kckxCE6Z+foE0Btxo5GjkrsGVYo8IO8FmyxwzulbdjYQN"
    "l0R26iFRs9s+FGLumRH/RrmHQs5Dx3NNLEryeAGthRBSE+WXvP4C1Fksd6Tkr1MD6we1gl"
    "IJMmLhaPOUxbz+FkxzWHxaWE8oo6pltvci5LYJ9bPVZ6g+frJ324uZt3Dfnvbg6AI4keAr"
    "w7/FBl+hh+KJ4/2LEkxgY90R3SnJzgVrEHOiFUy//csYlk045mHd/zo58QAvTF0RdJfa6V"
    "8tzlbJGDSqHzg5LQ+UE2dG5i+jstO1dBKUM5LtU7pFuIoUBZTDtlMRxOz1ZL3JGuLoyHY8"
    "1Qbgd5de7x4zulxe7eSFkJh1boNmVR2DUsmca99Iqo0u7rI2lJt6+RyTo9Sf45Jfeckuno"
    "loSWGKluBTtGmuRa5oMUiU2et+FE45fi+xnu7r/f/7B3uB+aSeGeMuvoaa+OcX1tYVaozG"
    "eWJsQ2V+/yrl2UN2yVMgT5vWqRFHjWOu1ZY0QtHgVaCMXEwOVTq5LseXSAY0rNjWE+5r3/"
    "w2Ol737FG0U2siDOGpmudgn9G5/3xVD8ku5+ncTmPGttVEpYmnPDg28wvnc9MVuqQ7E5iy"
    "DsVqtOnrNErYqpS0eVlKhlekBQtYXkRzcKZ+e4SG+U95omEqS5vjD1PFJ7uDSbhBio57XU"
    "8zQZWSa4Wz3E9evt4qFqt4fEDZjo9zCjz8Rscjyv1vBBWRJNNXHOe4MnT69/eCcnCdNQHc"
    "Wumcx44Z2lRxi1aT4HaOVYzzEgi43nOGctm850NrI9H2js1e8mM0ZHVkSX1yZRsEy3DDN9"
    "2EIatijCju5L+rZ/4AHyR4Jp3k3THEzHMGGukul4WGI6HmZMR5vYfN03QoEeuj5aqZiPf7"
    "MMznP8UDCJpMR6EJMuM23Gv80TVk0moyW0bE7Pp5+D4ek0l/Rqn8EbIHtvj3VnldF3k9NI"
    "KL1B6E9mo09zTvw9oSPJ/Xelj47nk+/jI8n7Tz9THOnGCd3jb6WDz8+UrGvT6y8cO68cqj"
    "jdKykF1d7lD41AGhhZUZWRi5JIAuhonI60asulh+YI98YXueFEAjYZivOQFQYeBBM6YrYc"
    "FwcpQcBfNKEGmcpSLrAairXZtByos/zqrAfhwlAfBZAPxAB4buAhWiVExbZFq6Apy4ugOe"
    "X8ra5BpAQhMNlQYFKJxbcgNPlEaDJ1E9YITt4hkyC9btztu3eW7Z3TNht4C+DKCbzFkCwO"
    "vMVJq1Ssgj38pcuv395KP39atqHc/vwpEd0tKhldTCRi0f0GW4VaV6U3Ep1psXmH1Z8/c4"
    "tU6p6vUrasF10M5tkgkwricx2Nz906XOE5b3jvonMtVPxDaK7l0Jzhfikub3dMBNzdjbu7"
    "hV2sz+Ze7cn0HlPHjRXLf6PGrAgPedJgKYlzYQmyYAH+DeDvq7F84MeEIMoghntgNPABH5"
    "cC5MWQh1IXKHXZ1JzeJ68yBA9eBM1J1xSPeZJwaYF10lRRU1StUDN0UL2ApGtEVK5qStyD"
    "vMvYtukV9zqR5/jEwxblxR7xqBN6y4UosSWAg4KRZJkJflgTOtWE9SnxehVwXXfSda07q0"
    "XeKl8lfR9Cid45sJtf5X37EvD5wR5cjKcnk+ln+WL0+9l4Oj+SUjuu9IvR5ITupn+v9Msv"
    "k4sLlozvb1zpJ+PTyffxjO0LN6/04/Ozi9PxnO0NN+ne0fR4fHrq7g0201G6Ss70Suv4li"
    "zjm4lVmPja0VW5HuOZk2wwWW3mXvvSvfTbqa8+8twHTOZIYn8Z47P5ZHTKSHc3rvRP307p"
    "R/ZXhK/mqy8UxzSxruQkXZT0yIzJdPmRFJ3/qkx/xbNfZvJzFrZhI03Ef5uVBZNBPGV5Sd"
    "Zr+rWEiMjIAhHCRNwZjkK1a1kllpuHL0JI8TmAmBpOX3Z9mVo4vG6NpCBQUJeCOo9G4SmA"
    "FmFahN/g8PpuLha4oBDJionZymlsqhHho+wsQI4wOQukMUtOmJZ8eSBEmBD8YGNTp1OP6g"
    "jlUeXLAyHChKBotdaqKYYxkc2nGD5PILCdVgb6nUEUrtWEYiKwllCNlZwMm6s6OBgPxanc"
    "xamxqFMG8PLEg6QkJB50OvEA0oheBM2QRvQiaF4jIsJxTKwBgrdHR9k6ft2wgdBjnJQElr"
    "vMsoo1codNIZ7TssB0l5lmVU0sV05I/0rJAtOdZpq5IzVNjOmULDDdZaZj+ZzV3aMxIfCJ"
    "NpXEzUDN0sCdwf3NP82WUVA1fTt269Xo+oLvcO2eL25W9vgOb+UdX9j2JT43aETP64HLDd"
    "IpPU9fMVqjx1X9e+nCO0tfQWLmXAMoXfqn6RNMrReUeDNUUVVJOH89UVoiRzPm0w2XznVM"
    "fxzSvYJYtjQ3on/ZaaRXhikR25Jcdyw9+PpIul8ie0e6No0V3aS2oGQb3saOtHikW8Zqh3"
    "3Ws42YWrxOlVIYDxjvXQRrmna2usUFMIN/Sfsgf3wfc7sbr21hj1PNcofUKYRg34yBCEUu"
    "3gNl1GQ8cYIuP2ZAuJe8o9iGKd+SvBYw1RhPnqHTlB9/u5yfn41nlAV/ixI7H336RGll/+"
    "in3y/n4zP60f0vQlELy8i4APMqGnEpaI8kmtsGaT4bS/Ph90ZDIsAWOKHjllT12SsuBW7o"
    "ptzQRtBsoqYfOmxasWUkVHVEx+8+bk90614f1+Va5PQJ/LFP+XxC/2+VHttssIQsaWE4N0"
    "v7SLJ0tLaWhm0xvwzriq1QA10zbiRk04/0z8pgvjyJ9cdmnhqLKpKYjcVIWUq+W5X+N+28"
    "DtwtX43X/QPduTswqe2UOIG2pqFf+0w01tPP78LP/d5OyvUJ2k1Xy0Ibtmeui4XW9C23pg"
    "/mCm6kM4KAeDXEn3Mdi06h2/xKFrDOQscK9Cgatvh6tnnS8DIVfpn+5dD5mtg5vbjKSIhL"
    "Afjimgx0+HhuCoKeTjXaQQENjbUgEu88BCQ03e2mdqMboKS5Hjc12tsADQ12tqnT1QaIaG"
    "yKWiCLCL0t8uWBEGFCIIgMQeSukLD1QeSgICUnhByrVSkOIMfLYipEj3UpeDeFsdh4Nj+y"
    "JSStTeOOuLn9rE2el8jPIr3BpSRLIwqWDP11TsC4hQtwxYj/LF4kAyLG3YwY+3cDjzM8Lt"
    "NDj3gL/feXSNexxoNxTAQgrgAxvZSKZf4lXtJysNBLCupsMQxaiTatTkuCJipsBsCSHq0v"
    "6VFS/FMQJN6Kap/OTNmBGiG7xa3IjcDmGrZPayI5p+hwgV1nIvWKRqjGL6+RiVZc8fqMIP"
    "TPFQ/PQ1NXESq2rvoDmrq+CJqhqeuLoBnc8OCG7woJW++GDzse5fjh492Qih3xidZLLa8N"
    "nfR2K8g0iXfbsIvesvUDfXcS+Ly76fOOUVbZdRKJgG1fzR2beBQ4oM4R7SHkzRvz27f+9s"
    "BvIDPgQ3yQbUAzmcrz2Wh6OZkfSdF22JhmMv0cdqah20UNay5m5x9PWcsTf+NKn43n32ZT"
    "NizYSsdcnymgBLbkSzAywJZ8ETSDLQm2ZFdI2Igt2WyH6sBC7F2T6k2Y3IV9czOoPm18i3"
    "TPdVV9yXtdublqUnA26dU1YesrsLa1LD8tHBwE/XYkemdgMycPruFzV3EKhBh4jwRkvHXW"
    "+ofmar1UorbP/OUnFizfBCAZroubUabEoCcld0/K1Auu+tsrJQimSlOmihWLjNS0Vnq45E"
    "TaYEndhp2Kf5079sJ4KF7CIna4VBE33IE8ani9SNjaWWjEWoZ+JlgeorNar3tPcGZXxmUg"
    "Lz6lmmTz4m1jTRSuSFcg0GWdszPxLXRDzYUbVkzs4sSBc1ayh4C3UOcRwsbdcD8lCTpfjT"
    "oPyzZWAuGBlCCseyDKwBo9agbKQb84PT4msvl2dj3KjIcwtwgVW+e6S5sRPESnZWEZ5q4x"
    "nfFgPI+NPVHxam3YrP7xK34c5JjZqRE7ZZY2icbKt/ixBWP7R2IN4DW7YX3nJb2eZ2YnbH"
    "HotdARzaHYBodFyJ+va1L8AapqNyaEemgyNm+j32KugnR/OEBbAdprenFsrk2S5/Avhjgl"
    "BlBXzKQucDBViyR33sdEZ0j5Ynb+eTa+vHTjxsGHK/2Eqn5H0omvAD5/wJfqNOwXZdgotr"
    "4jCahKB9sbLLJS2xuaD/SW5o4Y3iNsEmU5yDG4/SM7ZYY2isa0Gcvmsphfirlccwm1YkP4"
    "DpsWpy0WE+myYiWoww4PDiroTXRU8RJH7FgqfkcfKg6E/eE9RHe30gJSuyULSO1mF5CiV7"
    "Rzk69KuiZFIhAW4lRNn/Vl9uv/uE7otA=="
)
