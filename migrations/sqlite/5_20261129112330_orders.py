from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "outbox_events" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "event_id" VARCHAR(32) NOT NULL UNIQUE,
    "topic" VARCHAR(64) NOT NULL,
    "aggregate_type" VARCHAR(32) NOT NULL,
    "aggregate_id" BIGINT NOT NULL,
    "customer_id" BIGINT,
    "payload" JSON NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "published_at" TIMESTAMP
);
CREATE INDEX IF NOT EXISTS "idx_outbox_even_publish_c34cd9" ON "outbox_events" ("published_at", "id");
        CREATE TABLE IF NOT EXISTS "idempotency_keys" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "operation" VARCHAR(64) NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "fingerprint" VARCHAR(64) NOT NULL,
    "state" VARCHAR(16) NOT NULL /* IN_PROGRESS: IN_PROGRESS\nDONE: DONE */,
    "result" JSON,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    CONSTRAINT "uid_idempotency_user_id_0f6729" UNIQUE ("user_id", "operation", "key")
);
CREATE INDEX IF NOT EXISTS "idx_idempotency_expires_ae52bb" ON "idempotency_keys" ("expires_at");
        CREATE TABLE IF NOT EXISTS "orders" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "number" VARCHAR(32) NOT NULL UNIQUE,
    "status" VARCHAR(24) NOT NULL /* PENDING_PAYMENT: PENDING_PAYMENT\nPAID: PAID\nSHIPPED: SHIPPED\nDELIVERED: DELIVERED\nCOMPLETED: COMPLETED\nCANCELLED: CANCELLED */,
    "refund_status" VARCHAR(16) NOT NULL /* NONE: NONE\nPARTIAL: PARTIAL\nFULL: FULL */,
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
    "address" JSON NOT NULL,
    "invoice" JSON,
    "note" TEXT NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "paid_at" TIMESTAMP,
    "shipped_at" TIMESTAMP,
    "delivered_at" TIMESTAMP,
    "completed_at" TIMESTAMP,
    "cancelled_at" TIMESTAMP,
    "user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE RESTRICT,
    -- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
    CONSTRAINT "orders_amounts_add_up" CHECK (subtotal_minor >= 0 AND shipping_minor >= 0 AND voucher_discount_minor >= 0 AND points_used >= 0 AND points_discount_minor >= 0 AND total_minor >= 0 AND rebate_credit_used_minor >= 0 AND balance_used_minor >= 0 AND external_due_minor >= 0 AND total_minor = rebate_credit_used_minor + balance_used_minor + external_due_minor)
);
CREATE INDEX IF NOT EXISTS "idx_orders_user_id_09581a" ON "orders" ("user_id", "status");
CREATE INDEX IF NOT EXISTS "idx_orders_status_2a955d" ON "orders" ("status", "expires_at");
CREATE INDEX IF NOT EXISTS "idx_orders_created_cdc9e7" ON "orders" ("created_at");
        CREATE TABLE IF NOT EXISTS "order_events" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "type" VARCHAR(32) NOT NULL,
    "from_status" VARCHAR(24) /* PENDING_PAYMENT: PENDING_PAYMENT\nPAID: PAID\nSHIPPED: SHIPPED\nDELIVERED: DELIVERED\nCOMPLETED: COMPLETED\nCANCELLED: CANCELLED */,
    "to_status" VARCHAR(24) NOT NULL /* PENDING_PAYMENT: PENDING_PAYMENT\nPAID: PAID\nSHIPPED: SHIPPED\nDELIVERED: DELIVERED\nCOMPLETED: COMPLETED\nCANCELLED: CANCELLED */,
    "actor_kind" VARCHAR(16) NOT NULL /* CUSTOMER: CUSTOMER\nSTAFF: STAFF\nSYSTEM: SYSTEM */,
    "actor_id" BIGINT,
    "note" TEXT NOT NULL,
    "at" TIMESTAMP NOT NULL,
    "order_id" BIGINT NOT NULL REFERENCES "orders" ("id") ON DELETE RESTRICT
) /* One transition of an order (or its creation): what, from where to where, by whom, when. */;
CREATE INDEX IF NOT EXISTS "idx_order_event_order_i_38d333" ON "order_events" ("order_id", "id");
        CREATE TABLE IF NOT EXISTS "order_lines" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "position" INT NOT NULL,
    "variant_id" BIGINT NOT NULL,
    "product_id" BIGINT NOT NULL,
    "title" VARCHAR(200) NOT NULL,
    "variant_title" VARCHAR(200) NOT NULL,
    "sku" VARCHAR(64) NOT NULL,
    "options" JSON NOT NULL,
    "unit_price_minor" BIGINT NOT NULL,
    "quantity" BIGINT NOT NULL,
    "total_minor" BIGINT NOT NULL,
    "voucher_minor" BIGINT NOT NULL,
    "points_minor" BIGINT NOT NULL,
    "rebate_credit_minor" BIGINT NOT NULL,
    "balance_minor" BIGINT NOT NULL,
    "external_minor" BIGINT NOT NULL,
    "rebate_basis_minor" BIGINT NOT NULL,
    "order_id" BIGINT NOT NULL REFERENCES "orders" ("id") ON DELETE RESTRICT,
    -- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
    CONSTRAINT "order_lines_amounts_add_up" CHECK (quantity > 0 AND unit_price_minor >= 0 AND total_minor = unit_price_minor * quantity AND voucher_minor >= 0 AND points_minor >= 0 AND rebate_credit_minor >= 0 AND balance_minor >= 0 AND external_minor >= 0 AND rebate_basis_minor >= 0 AND total_minor = voucher_minor + points_minor + rebate_credit_minor + balance_minor + external_minor)
) /* A line as bought: snapshots of the catalog at that moment and its share of each payment part. */;
CREATE INDEX IF NOT EXISTS "idx_order_lines_order_i_cfcd05" ON "order_lines" ("order_id", "position");
        CREATE TABLE IF NOT EXISTS "payments" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "provider" VARCHAR(16) NOT NULL,
    "channel" VARCHAR(16) NOT NULL,
    "trade_number" VARCHAR(32) NOT NULL UNIQUE,
    "amount_minor" BIGINT NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" VARCHAR(16) NOT NULL,
    "provider_transaction_id" VARCHAR(64),
    "client_params" JSON,
    "expires_at" TIMESTAMP NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "order_id" BIGINT NOT NULL REFERENCES "orders" ("id") ON DELETE RESTRICT,
    -- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
    CONSTRAINT "payments_amount_positive" CHECK (amount_minor > 0)
) /* An external payment of an order at a provider (used from the payments slice on). */;
CREATE INDEX IF NOT EXISTS "idx_payments_order_i_b4a5f9" ON "payments" ("order_id");
CREATE INDEX IF NOT EXISTS "idx_payments_status_938a45" ON "payments" ("status", "expires_at");
        CREATE TABLE IF NOT EXISTS "shipments" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "carrier" VARCHAR(16) NOT NULL,
    "tracking_number" VARCHAR(64) NOT NULL,
    "status" VARCHAR(16) NOT NULL /* SHIPPED: SHIPPED\nIN_TRANSIT: IN_TRANSIT\nDELIVERING: DELIVERING\nDELIVERED: DELIVERED\nPROBLEM: PROBLEM\nRETURNED: RETURNED */,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "order_id" BIGINT NOT NULL REFERENCES "orders" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_shipments_order_i_56faf1" ON "shipments" ("order_id");
CREATE INDEX IF NOT EXISTS "idx_shipments_carrier_1e4613" ON "shipments" ("carrier", "tracking_number");
        CREATE TABLE IF NOT EXISTS "shipment_events" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "at" TIMESTAMP NOT NULL,
    "status" VARCHAR(16) NOT NULL /* SHIPPED: SHIPPED\nIN_TRANSIT: IN_TRANSIT\nDELIVERING: DELIVERING\nDELIVERED: DELIVERED\nPROBLEM: PROBLEM\nRETURNED: RETURNED */,
    "description" TEXT NOT NULL,
    "shipment_id" BIGINT NOT NULL REFERENCES "shipments" ("id") ON DELETE RESTRICT
) /* One tracking update of a shipment (filled by the tracking provider, later). */;
CREATE INDEX IF NOT EXISTS "idx_shipment_ev_shipmen_91babe" ON "shipment_events" ("shipment_id", "at");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "shipment_events";
        DROP TABLE IF EXISTS "idempotency_keys";
        DROP TABLE IF EXISTS "order_events";
        DROP TABLE IF EXISTS "payments";
        DROP TABLE IF EXISTS "order_lines";
        DROP TABLE IF EXISTS "orders";
        DROP TABLE IF EXISTS "outbox_events";
        DROP TABLE IF EXISTS "shipments";"""


MODELS_STATE = (
    "eJztXWtv2zgW/SuEv2wLZIrGadJudrGAm7gd76RJ4LizM9sOFFqiYyKy5JHotMFs//uSer"
    "8j6uHI8v2SyBKvZJ8jUffNvwYrUyO6/WqkaRax7cEp+mtg4BXhG8lDB2iA1+vwgNjB8Fx3"
    "xmJ3EHGHzW1mYZXxAwus24Tv0oitWnTNqGnwvcZG18VOU+UDqXEX7toY9M8NUZh5R9iSWP"
    "zAlz/4bmpo5DsRX+/Ll8HGJpZCNXElaisaWeCNzgZ/iHHre2VBia7Ffoc71NmvsMe1s+89"
    "vZsY7IMzVnyTuaKa+mZlhOPXj2xpGoEANZjYe0cMYmFGxBWYtRE/TXxzDwb/17q/Ihzifv"
    "2IjP+lQyjmSrhvoCiXVzPlZjxTlIEEeKppCOD5V3WJvBNf4ae/D4dHR2+Hr49O3h2/efv2"
    "+N3rd3ys833Th97+cL9MiJZ7KgezycfJ5Ux8IZOz6/IudvxwZDDDrpTDUoi+RVS6psSFL0"
    "7C2RJb2RTEhBJM8J+YZMLHvYgKf0fIRXhvboOMFf6u6MS4Y0v+8eRNAc6/jqZnP4+mL07e"
    "vIyDfekdGTqHBOwhzGsOEZGBOBDoIbzD1yXgHb7OhVccSsBrmQ/UUOUQjsj0EOSjYQmQj4"
    "a5IItDcZBVyh5lAPbHA7glwNWo+AKq1DQcldkeyIPBjkLMr0WIFMChRA/v4eHrctNw0Tyc"
    "nohNm2GdQ6jJzcVxsd7dzIdloD7MR/owBXREtU5rz6apE2zkqM8xwQTScy7ZFtTBnhbQLl"
    "KLr64uxJlXtv2n7uyYJJTky8+f3o85/A76fBBlMd058gK0iMBEwRmYn/MjjK5IzqswJpkA"
    "XfNEX/kbOzi1FBAwm3wa38xGn65jLJyPZmNxZOjsfUzsfXGSeBSCk6D/TGY/I/ER/ffqcu"
    "zAySePO8u5Yjhu9t+B+E54w0zFML8p3AKOYOLv9nfFaN6stYo0xyWB5m7THPopyjsfIkJP"
    "eyB2gNDtOSGE/2dxn+mDEKCmafhgWoTeGb+QR4eKCf/eONtc8zxhn73T7BgFP/x7zN87CP"
    "xQFv4WOMyitx7/7fwXE/c9dTa6ORudjwcOwnOs3n/DlqbEoBZHzKGZ2BOMTR9aDVfJPdjA"
    "dw444leI7+yhPiUL/lAuZ+Y9MQYZ/snY8YMiJ6XljlSYGFrOUzkYIU8KOVIHyGb8ttGQae"
    "iPCNuIMhvd/Dz6aXh88g9kmUzcFvygyk/FlsRA92TNuCjSOJgq4yfjKL8aJHhr7ypl/Kk2"
    "sW3+awX14ETtphPVuSuUJbaXMkZPXKoZm+d5yWjZiUpte1NJL4sJglrWabXMmz4rsByXbI"
    "Bm79kBlptnOfJSk3pvxeVABW9KBfdwbUALvwnPtGNElFXE4/dgl3RxH/sMNTxCS74G7v2y"
    "krr3lUGQze8Nov1EDa7bPlCVnCLMh68o14vNhasKc8jj6rOdVrDrnUoyK8EiD1zWeU+AQt"
    "1NhRo8rXuhBejYZgp/MqsQnZQFqjtNNfm+pvx0FYiOSwLNnabZec1y5UQunywu1bvo71Gp"
    "SPtRQaT9KB1pV3WRgKfQtQzQMaHe4fzmuATMb45zURaH4iBHVEXJWSsuCc6ILk9aPldcdb"
    "SzbOCiRNikZKWHqmPctp2IBZHXrrh9IPLacuQ1Oskko5uJe9+T//DLlOiY0czpJCem2hPc"
    "f7TpG3Pu0QzHmH/v5nvFBP3tF86AJ6qTniiywlSXUQkCgUY0gQ7Fc4fHZQK6fFR+vvBxKq"
    "S7MudUl0oVDiV6B3DjZTHOfwls/fG9swwPS1nghwUW+GFGrju27W8mfy/JJn6kBKG6oGR1"
    "AX5cCf9FDeRzTtA/s60VAqitcP2HPmTMKk8VHYRyW6w58CfznS054MBx42uxkMc7EIMSD0"
    "m8N2tiZRvGT2IeFQXcJXDnuK1omHwQh/3fN1eXOfN5XCzpZqUqQ/9DOrVbcxAN/rnYGKrA"
    "FM03VGfUsF+J6/2rLb2mgA4BU4wOfyp/8Wn0W3KWP7u4ep/0pYoTvE8Q842oS8wUc02MLE"
    "M0/1WbEuybut58fitkPVS57Xcu3AD1ZXtBs+snrkJzXBJih11jORVQKeP/j7Vgqu76j7R7"
    "2s1nO+31z8gLrwlS/3KQYyCZluZFJKpDdCXO0SeA2owdjTYaZVOicuAHWS3YIocPCtuwiY"
    "GK5YzcRis2fmbTiVzyI1/417D4WMh57mikSV5PADWwowpCdLJ2n8F7jqSM9RyX6mF84PCk"
    "TEAmSVwkHnOStJ6DyU5qDotKVcor6phuvc25LIZ9ZvVY4Q2erZ/04eZu3jXkvbslAA4leg"
    "jw4fBdmelj+C5//hDH4hib/EQPWN9kBLfyPdAxoVr+545NJNt2NBvkmzz6MSFAvzr6VVKf"
    "a6U8dzlb5LhU6Py4IHR+nA6dW4T/TptlKihFKEeleod0CzEUKItppyxGwunZaok7NrS5+f"
    "1MN9X7QVade/T4QWGxuztSUYOhJbpN2Rx2nSDL/IZeUA0dvjxFS769wJbo9IS8cyLnnMja"
    "GDbCS4I1p4KdYB05lvkgQWKT52040XhffD/Dwzdv37w7OnkTmEnBniLr6GmvjrlY2EQUKs"
    "uZpTGx7dW7vG4X5S1bpQJBea9aKAWetU571gRR88cKLYQiYuDyqVVJ9jw6wBmn5s60HrPe"
    "/8Gxwne/6o6iW1kQZ40tR7uE/o3P+2LIf0l3v05ie561NiolbH1zJ4OvP753PTFbqkNhkk"
    "UQrNWqk+csUStj6vJRBSVqqR4QXG2h2dGN3Nk5KtIb5b2miQRprnumnodqj5RmExMD9byW"
    "ep4kI82EdKuHqH69WzyU7fYQuwFj/R6m/JmYTs5m5Ro+qEuqaxbJeG/I5On1D+/4JGGZ2k"
    "ZlNZMZr92z9AijNs1nH60M6zkCZL7xHOWsZdOZz0bM9YFGXv1OMmN4ZEUNZW1RlSh8y7SS"
    "h22sE5sjvDE8Sc/29z1A3kgwzbtpmoPpGCTMlTIdTwpMx5OU6cgok+u+EQj00PXRSsV89J"
    "ulcJ6R7zmTSEKsBzHpItNm/NssZtWkMloCy+bi6vKjPzyZ5pJc7dN/A6Tv7bGxWaX03fg0"
    "EkhvEfrz6ejDTBJ/V+gUOf++GqOz2eTX8Sly//PPHEe+cc73eFvJ4PMzJesyfv35hmWVQ+"
    "Wne8WloNq7+KGpkAZGV1xllKIklAA6GqcjqdpK6aEZwr3xRW45kUBMhtV5SAsDDxUTOiK2"
    "nBQHCUHAv2pCDbbUpZJjNeRrs0k5UGfl1VkXwrmpPVZA3hcD4KWBh2hVJSp2LVoFTVn2gu"
    "aE87e8BpEQhMBkQ4FJNRLfgtDkE6HJxE1YIzj5gC2Kjbpxt1/ds+zunLbdwJsPV0bgLYJk"
    "fuAtSlqpYhXi4o9ufvn8Ct3e2sxU729vETWcopLR9QRRm+83xSrUhoZ+QnymJdYD0W5vM4"
    "tU6p6vVLasG13051k/kwricx2Nz91vpMJz7vDeRedaqPiH0FzLoTnT+VJS3u6ICLi7G3d3"
    "V3axPpt7tSfTe0QdN1ci/40bs1V4yJIGS6k6F3ZFFmzAvwH8PTVWDvyIEEQZquHuGw1ywE"
    "elAPlqyEOpC5S6bGtO75NXGYIHe0Fz3DUlY57EXFpgnTRV1BRWK9QMHZQvIOkaEaWrmmL3"
    "oOwytu12c7AyXeLO/oPiLg5WeWe4urGZuSLW32wk5NCL21tvXd/b25fItBBGd6LVGj/ODz"
    "mr9Dqrw/GjB8ggD8RCc5Mts/ziTZ66jIs88tIAt3g33eIhyVIu3JgULJg0eMJHDur1Xuhd"
    "oF7vB83uO1PutRURasTTuSfvrpRWXSZpRKdG3eWLhFJ3wU+zu49amZSR+D2dRuzKIDOT/y"
    "lpnXy2Sy3V06lbuaxdEnl+SxgltQ0N597LMTb8+7LY4FCCp6DZ2vcv7tldKLxMn6BnXEz9"
    "Tx4E9b9z6v+fG04QZRlZjbkEREX65CJqzJdu87lBZZlhoaJlmaNisPJ4+RWZwbaqQsDOKd"
    "2Rl45MMrwF3uza0dbIe1wK/bgcENBcKYLVTIc0axcpKF+DYBVHETJu8QZQ7V+pQRLY+GPd"
    "pQiNu1ZshtUULCKbbzKFa9W23CosYkj6Lb3ijcDI9zXlL86gg1i0oxiYUZ00o4zNap7lPy"
    "nozB1I9K7E4GhYInxyNMwNn4hDu94iSR7swfX48nxy+VG5Hv3+aXw5O0WJHV+N69HknO/m"
    "f78aNz9Prq9FuyRv46txPr6Y/Dqein3B5lfj7OrT9cV4JvYGm3zv6PJsfHHh7PU3k/HiUu"
    "UOZSJlw/xI2TAVKbPIYmNoSj3GUyfZYjuBqXPtG+fSry49Y0jmPhAyp0j8FYxPZ5PRhSDd"
    "2fhqfPh8wT+Kv1X4ar4/lrqxLGKoGQ6kglXMIjJdfiSrzn9lpr/82S81+W3mzGRYr5Jhn5"
    "YFK6yyGWwv6XrNv1YlIlKyQER1f4S5Ubl2rWjUdjolVSEk/xxATI20fHF9hVs4somncUGg"
    "oC4FdR6N3FMALZVpqfwGh9d3c9Vacw6RolpEo8yZaqrwUXQWIKcyOXOsC0uuMi3Z8kBIZU"
    "LId0Ysg0892qZSpXu2PBBSmRCsaRax5bpQhyLbbwLxPGHtdppNGw8mVTN6nBR0mw5FakHf"
    "sfr2bSNvmEyqf6s/HtqHSrcPjUSdUoAXp9HEJSGNpttpNJAttQ80QyXKXtC8xrQKxxGxBg"
    "jeHR1l5/h1wgaVHuO4JLDcZZY1otMHYlXiOSkLTHeZadF3TuTKVdK/ErLAdKeZFu5IXa/G"
    "dEIWmO4y089SDdw1pboTefHZNazSGdwlq1i7RkHdQla5vvzkgdTuyu9kZY8fyE7e8blV1t"
    "G5oYFCdAekvlWix23Yx1X9e+naPUtfQRLmXAMo3Xin6RNMrReUuDNUXlVJMH89UVqihDPm"
    "013ArgzCfxw23JalyFwgzP+K06AXpoUos5HjjuUHX56ib0vMDtDCMld8k9uCiJnuxgGaP/"
    "Itc3UgPhvplmAtXqdMKYwLjPsugiYBna1ucQBM4V/QHcwb38fc7sZrW8TjVLPcIXGKRtqx"
    "tYM6FLm4D5RZk/HYCbr8mAHhbvKOykxLuadZTfrLMR4/Q6cpP/t8M7v6NJ5yFrwtTuxs9O"
    "EDp1X8459+v5mNP/GPzv8qFDVfyOQCLKtoRKVgAYuquW2Q5rO1NB95bzQkAuyAEzpqSZWf"
    "vaJS4IZuyg1t+s0mavqhg6YVO0ZCWUd09O6T9kS37vXJa8AY88c+5fMp34JxMEJiMMI2mp"
    "ubuyU7RbaB1/bSZLbwy4h1S1VuoOvmHcKMf+R/Vqbw5SGxgqnw1NhckSRiLMHqEnluVf7f"
    "Ylm94Fu+mqz7B9ZP7cCkdlDgBNqZJZfaZ6KxTpHQWO25q2VhoZxnrouFxYNbXjzYnyukkU"
    "4JAuLlEH/OlcY7hW7z66jAStgdK9DjaDCl8nLYWdLwMq38Ms1v5l5EQl/7uUOHj32jwO/p"
    "VKMdFNDQWAui6p2HgISmu93UbnQDlDTX46ZGexugocHONnW62gARjU1Rc2zTSm+LbHkgpD"
    "IhEESGIHJXSNj5ILJfkJIRQo7UquQHkKNlMSWixwby301BLDaazY8ZwmhtmQ/Uye0XbfLc"
    "RH4R6fUvhWydqgSZxsuMgHELF5CKEf+Rv0gGRIy7GTH27gYZZ3hUpoce8Rb67y+xYRBdBu"
    "OICEBcAmJ+KY0o8ku8JOVgoZcE1OliGLyq2rQ6KQmaaGUzAJb0aH1Jj4Lin5wg8U5U+3Rm"
    "yvbVCMUpbsVOBDbTsH1aE8k4RYcL7DoTqVd1yjV+ZY0tvJKK16cEoX9u9fA8NHWtQsXOVX"
    "9AU9e9oBmauu4FzeCGBzd8V0jYeTd80PEoww8f7YaU74iPtV5qeW3ouLdbxZZF3dtGXPRe"
    "rB/ouZPA591Nn3eEstKuk1AEbPty7tjYoyABdYZoDyFv3pjfvfW3B14DmYEc4oN0A5rJpT"
    "Kbji5vJrNTFG4HjWkmlx+DzjR8O69hzfX06v2FaHnibXw1puPZ5+mlGOZvJWOuzxRQAlty"
    "H4wMsCX3gmawJcGW7AoJW7Elm+1Q7VuIvWtSvQ2TO7dvbgrVp43vKt1zHVUfua8rJ1cN+W"
    "dDLxZUrK8g2taK/LRgsB/0O0D8ziBWRh5cw+cu4xQIMHAfCch466z1D83VeqlE7Z75K08s"
    "WL4xQFJc5zejTIhBT0rpnpSJF1z5t1dCEEyVpkwVOxIZqWmt9HDJiaTBkrgNOxX/utqwuf"
    "k9fwmLyOFCRdx0Bsqo4fUiYevNXKf2MvAzwfIQndV6nXtCMrsyKgN58QnVJJ0Xz8w1VaUi"
    "Xb5Al3XOzsS38B03F+5EMbGDkwTOackeAt5CnUcAm3TD/YQk6Hw16jxsZq4qhAcSgrDuQV"
    "UG1vhRN3EG+vnp8RGR7bez61FmPIS5q1Cxc667pBkhQ3RSFpZh7hrTKQ/G89jYE42s1iYT"
    "9Y+/kMdBhpmdGHFQZGnTcKxyTx5bMLa/xNYAXosb1nNe8uu5ZnbMFodeCx3RHPJtcFiE/P"
    "m6JkUfoLJ2Y0yohyZj8zb6PZEqSPeGA7QloF3wixNrbdEsh38+xAkxgLpkJnWOg6lcJLnz"
    "PiY+QyrX06uP0/HNjRM39j98Nc656neKzj0F8PkDvlynEb8oxUa+9R1KQFU62N5gkRXa3t"
    "B8oLc0d8TwHhGLqstBhsHtHTkoMrRxOKbNWLaUxbwv5nLNJdTyDeEHYtmStlhEpMuKVUUd"
    "dnh8XEJv4qPylzgSxxLxO/5QSSDsDe8huoelFpA6LFhA6jC9gBS/IstMviromhSKQFhIUj"
    "V91pfZj/8DHhgU6g=="
)
