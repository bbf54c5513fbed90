from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE "users" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "email" VARCHAR(254) UNIQUE,
    "mobile" VARCHAR(20) UNIQUE,
    "name" VARCHAR(100) NOT NULL,
    "password_hash" VARCHAR(200) NOT NULL,
    "payment_password_hash" VARCHAR(200),
    "is_active" BOOL NOT NULL,
    "is_staff" BOOL NOT NULL,
    "is_superuser" BOOL NOT NULL,
    "permissions" JSONB NOT NULL,
    "wechat_openid" VARCHAR(64) UNIQUE,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "deleted_at" TIMESTAMPTZ
);
CREATE TABLE "addresses" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "recipient" VARCHAR(64) NOT NULL,
    "phone" VARCHAR(20) NOT NULL,
    "province" VARCHAR(32) NOT NULL,
    "city" VARCHAR(32) NOT NULL,
    "district" VARCHAR(32) NOT NULL,
    "street" VARCHAR(200) NOT NULL,
    "postal_code" VARCHAR(10) NOT NULL,
    "is_default" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "idx_addresses_user_id_517c45" ON "addresses" ("user_id", "is_default");
CREATE TABLE "sessions" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "created_at" TIMESTAMPTZ NOT NULL,
    "last_used_at" TIMESTAMPTZ NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "user_agent" VARCHAR(300) NOT NULL,
    "client_ip" VARCHAR(45) NOT NULL,
    "revoked_at" TIMESTAMPTZ,
    "revoked_reason" VARCHAR(32),
    "user_id" BIGINT NOT NULL REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "idx_sessions_user_id_595811" ON "sessions" ("user_id", "revoked_at");
COMMENT ON TABLE "sessions" IS 'One signed-in device: a family of rotating refresh tokens.';
CREATE TABLE "refresh_tokens" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "issued_at" TIMESTAMPTZ NOT NULL,
    "rotated_at" TIMESTAMPTZ,
    "session_id" BIGINT NOT NULL REFERENCES "sessions" ("id") ON DELETE CASCADE
);
COMMENT ON TABLE "refresh_tokens" IS 'A refresh token, stored only as its SHA-256; rotated once, then kept to detect reuse.';
CREATE TABLE "audit_records" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "at" TIMESTAMPTZ NOT NULL,
    "actor_kind" VARCHAR(16) NOT NULL,
    "actor_id" BIGINT,
    "action" VARCHAR(64) NOT NULL,
    "target" VARCHAR(128) NOT NULL,
    "old_value" JSONB,
    "new_value" JSONB,
    "reason" VARCHAR(500) NOT NULL,
    "request_id" VARCHAR(64) NOT NULL,
    "client_ip" VARCHAR(45) NOT NULL
);
CREATE INDEX "idx_audit_recor_actor_i_34c811" ON "audit_records" ("actor_id");
CREATE INDEX "idx_audit_recor_target_04ff4f" ON "audit_records" ("target");
CREATE TABLE "sandbox_clock" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "offset_us" BIGINT NOT NULL,
    "set_at" TIMESTAMPTZ NOT NULL,
    "set_by_id" BIGINT
);
COMMENT ON TABLE "sandbox_clock" IS 'A single row (id 1): how far the sandbox clock runs ahead of real time.';
-- Hand-written: aerich emits no CHECK constraints (DESIGN §5).
ALTER TABLE "users" ADD CONSTRAINT "users_has_login" CHECK (deleted_at IS NOT NULL OR email IS NOT NULL OR mobile IS NOT NULL);
CREATE TABLE "aerich" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSONB NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXG1v2zYQ/iuCPqVAGsTyS7JuGOCk6Zq1iYfE3YYGg0BLtE1EllyRSmJ0+e876sUS9R"
    "bJsVxZ06c45D0U+Rx1PN6R+i4vLB0b9Gio6zamVH4nfZdNtMDwI151KMlouQwreAFDE8OV"
    "RZ4Q9sQmlNlIY1AxRQbFUKRjqtlkyYhlQqnpGAYvtDQQJOYsLHJM8s3BKrNmmM2xDRV3/0"
    "AxMXX8hHn37u5kh2JbJTp/EqGqjqfIMZj8D5db3qtTgg1dGIcn6parbLV0y87I7NJkH1xZ"
    "3pOJqlmGszBD+eWKzS1zDSAm46UzbGIbMcyfwGyHD4333KchGK03ilDE634EE3Q6pGKihm"
    "Wyql6PxurtxVhV5RLkaZbJiYeueoqc8S68/UlRut0T5bg7OO33Tk76p8enIOv2N1l18ux1"
    "JmTLa8rl7PK3y+sx75AF2vX0zgueXQxiyEO5WgrZt7FGlgR79IlKOJ8jO10FAiimCRhiXB"
    "MB73mqCApCXYRzcxfKWKAn1cDmjM3h30Evh+c/hzfnH4c3B4PeG5Hsa79Gcas47SHNS6AI"
    "l6F4DWggvcpxAXqV40x6eVWMXtt6IKZWjuEIpoEkd5UCJHeVTJJ5lUiyRtiqDMGBfEtuAX"
    "J1wjuglTLDUczuSJblPaUYnoVxKYJDRAPnsHJczAzn2eGkIbYoQwZQqJezxSKscZO5U4Tq"
    "TjbTnQTREdc66T1bloGRmeE+C8AY0xNAVkX1uqQCtvPc4tHoM295Qek3wy24jDnJ11+uzi"
    "6Afpd9ECJM8J0jC6CNOScqSuH8PdQwssAZS6GAjJGu+9Cj4Mc+mhYYoD4yjZXsbaJyFDK+"
    "vLq4HQ+v/hC08n44vuA1ilu6ipUeDGKvxroR6a/L8UeJ/yt9HV1fuPSCMZnZ7hNDufFXmf"
    "cJOcxSTetRhR2xvN7vBaUBa4LWnaW+odZFZKv1umg94Ciidr/3Ea2HUYzioYkI6OX4xD7o"
    "d2chCh4dmt6nRig4qUk1fLBsTGbmJ7xyVXEJ/Ubpmzk/TvbFb2bPVPAczLGgNLRaNnpch9"
    "OiUw/GDiPG3ip2Prw9H76/kF2GJ0i7f0S2rgpU8xpLsWIla9lk1UJZxEuQiWYuOXwUvM8+"
    "6zd4Cu/kfGzdY1NOiV4K9Yd5IUzbk1QZFy0Wx5SHko+SXNShRBlMG12ywGRJiEqEUen24/"
    "Ct0h/8LNkW49MCKjVois2xKd3jJQOopAOZGoPGgOUjOaa36p7ycrS1DarWMqjqzgN1jui8"
    "zCZIRG1nD/RjlVFxUJVQ6mzkmAnABvpl++uHJd1v32BuoGURuQU1++9Oq+Xta5liSmH4pT"
    "1uEdc63dtyun1et+B334Yt7Zkiirre4hysk/cdcJ/ieEfUku1z+yMr6G2PTCxRmBtYf0tM"
    "8GYfiIbfSQjEFwQ8YWvqOb9Auegw06RL/bqmSp5SsPEDYN11oj2lUE+Huo28ZitoP2NwRS"
    "KvBqJMhRd1E73HsQ3U/J5oupD/h5+WBJrbQNEislVzrdXsrrrgq5Q7biaiGpcc7hZKxHdz"
    "EvHdZCJeM/j5PJUsyxAtgBrHc69fgOZeP5NlXiWSHPEcS1otEdnGJupstAJdgaNF07bEee"
    "dk48iNXqqa6bbqc1pt6rUuUaA29Vpx6jVqZOLpzdjc9/EfPt1gAzGSak4ykqoN4f25ylCZ"
    "O0dT4mTB3M0OknH1V3+vpg1M1TIwhReIGGVcgjVgK55AjdK7Sr9Ifhekso8T9xMZ3oU1IU"
    "apk8QhonEEb/3WjPu3BLeBfON2hp1CO/BOzg68k3IUHlH6aMG6VPYcSALYXj4oePkArRY8"
    "fvEK5jMaaN62rRIFEKqC/0MeUqzKS3cSQtwOryQExnxvbyQAcbD5mk7L872GtTdASvLtLL"
    "GdvjF+kfMotOW9BO/A24KEZxFE2n+/HV1n2HMRFg+zEo1J/0oGoZUFiORfpo6pcU6liUMM"
    "Rkx6xJ/3a1V+TY46OE2COgJTfnA1/Dtu5c8/j87isVTewFlMMY9YmyOmWktspm1Es5faBL"
    "Bp7vr2j7u2hyCyqW/uIYj2+lnTtF7k+pkXRd5E6yKyzSzWR8neu51ItxTJDgjfb9o8MRD5"
    "VtSeveqZOYGUQ+SvJKl5B5YrTZwMHZ2wG6xZtpiXSKk+zP1EGRdUbVdyF58pg5YtN20HNX"
    "fQDRtk2/O/NU2zlF8GG+v07Pv6FzXY3jt4D0yW2TqKqAYGxzuDItmIuOIiyYhBfOu4Nnal"
    "bFgUtdGhmpq5jru0ZQL3qTepcid4uofShMm9/biIv3aXIDhENJDgjnJaxHwop9n2g9eJHF"
    "vQ0AMynJTMTnb4VQC9KvhaM0Oy6yiriR/Lsy+AWvY3Z3+Tc7+vOu9b56MS/UJ5435O3rif"
    "zBvbGMZJWaqDksdyFNU4pitIILR3Qqq5E1IiplfpdW9k6hPr6dywtHs57c53tP4w9+K3J6"
    "lqa9EC31qiQLuBJdt6lA6ILnXevJPm8HuKbP6dI8lvU3LblGzHpBKaY6S7t7kxMiR3Zy7H"
    "lLjNdrd8yvb/EvtROr2T3ml30Ftvk9Ylebujl6M61nRKMb+lW25bKsB2d9njuFqWd7wr5Q"
    "yWj6qFqDayVuvIGlfUZLXB53QisDbk86prVD/GBxhim2jztNXfr8ld91EoU5vLLO0y+8pl"
    "9gHb6d9yynb6I5AGRsiUfhGvH6Ryrqok7oLzl6oEw754A9mt5DIFPJGlfjUiO/4Vgez+4O"
    "eeh79+6GL2/B/81bPV"
)
