from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "rebate_rules" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(100) NOT NULL,
    "description" TEXT NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "ratio_scaled" INT,
    "tiers" JSONB NOT NULL,
    "tier_mode" VARCHAR(16),
    "threshold_minor" BIGINT,
    "reward_minor" BIGINT,
    "repeat" BOOL NOT NULL,
    "payout_form" VARCHAR(16) NOT NULL,
    "voucher_valid_days" INT,
    "voucher_min_spend_minor" BIGINT,
    "installment_count" INT NOT NULL,
    "period" VARCHAR(8),
    "scope_kind" VARCHAR(16) NOT NULL,
    "scope_ids" JSONB NOT NULL,
    "starts_at" TIMESTAMPTZ,
    "ends_at" TIMESTAMPTZ,
    "priority" INT NOT NULL,
    "stackable" BOOL NOT NULL,
    "per_customer_cap_minor" BIGINT,
    "budget_minor" BIGINT,
    "budget_remaining_minor" BIGINT,
    "margin_cap_share_scaled" INT,
    "status" VARCHAR(16) NOT NULL,
    "version" INT NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    -- hand-written: aerich emits no CHECK constraints (DESIGN §5); carry over when renumbering.
    CONSTRAINT "rebate_rules_budget_remaining_within_budget" CHECK ((budget_minor IS NULL AND budget_remaining_minor IS NULL) OR (budget_remaining_minor >= 0 AND budget_remaining_minor <= budget_minor)),
    CONSTRAINT "rebate_rules_installments_at_least_one" CHECK (installment_count >= 1),
    CONSTRAINT "rebate_rules_money_not_negative" CHECK ((threshold_minor IS NULL OR threshold_minor >= 0) AND (reward_minor IS NULL OR reward_minor >= 0) AND (voucher_min_spend_minor IS NULL OR voucher_min_spend_minor >= 0) AND (per_customer_cap_minor IS NULL OR per_customer_cap_minor >= 0) AND (budget_minor IS NULL OR budget_minor >= 0))
);
CREATE INDEX IF NOT EXISTS "idx_rebate_rule_status_b55b2b" ON "rebate_rules" ("status", "id");
CREATE INDEX IF NOT EXISTS "idx_rebate_rule_status_061a3d" ON "rebate_rules" ("status", "starts_at");
COMMENT ON TABLE "rebate_rules" IS 'A rebate campaign.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "rebate_rules";"""


MODELS_STATE = (
    "eJztXetT4zi2/1dU+bJ0VaYLwqMZZmur0nS6hxkauBB6ZneyZRxbSXxxrIwf0Nzd+d+vJL"
    "+fWI4dHOd8gcTWkZ3fkeXzPv/pLYmKdev9UFVNbFm9M/SfniEvMf2QPNVHPXm1Ck+wA7Y8"
    "1flY2R2E3WFTyzZlxaYnZrJuYXpIxZZiaitbIwY9aji6zg4ShQ7UjHl4yDG0Px0s2WSO7Q"
    "U26Yk//k0Pa4aKv2N2e3/80XMsbEqayq6kWZKKZ7Kj271/s3GrR2mmYV2N/Q53KD8u2S8r"
    "fuyjNr8w7M98LLuTqaQQ3Vka4fjVi70gRkCgGTY7OscGNmUbsyvYpsN+GrtzDwb/17q/Ih"
    "zi3n6Exr/pEIqpFB7rSdLV9Vi6G40lqScAnkIMBjy9VZeRc3YLP/w4GBwefhjsH56cHh99"
    "+HB8un9Kx/L7TZ/68Jd7MyFa7lQcs4svF1djdkOEctflOzvwF6eRbdml4lwK0Texoq007M"
    "IXZ8L5QjazWRAjSnCC/sQkJ3zci1jhHwh5Ea7NTTBjKX+XdGzM7QX9enJUgPO34e35z8Pb"
    "vZOjd3Gwr7wzA36KwR7CvKIQYRGIA4IOwjvYLwHvYD8XXnYqAa9JnjRDEUM4QtNBkA8HJU"
    "A+HOSCzE7FQVY0+0UEYH88gFsCXFVjN6AIbcNRms2B3OttKcT0WhgLARxSdHAND/bLbcNF"
    "+3B6IyaWLesUQlVsL46TdW4xH5SB+iAf6YMU0BHROi09E6Jj2cgRn2OECaSnlLIpqIMjDa"
    "BdJBZfX1+ymZeW9afOD1wkhOSr+68fRxR+jj4dpNkx2TnyAjQxw0SSMzD/RM/Y2hLnvApj"
    "lAnQVY/0vf9hC7eWAgaML76O7sbDrzcxLnwajkfszIAffUkc3TtJPArBJOi3i/HPiH1F/7"
    "q+GnE46eYxN/kVw3Hjf/XYPcmOTSSDPEtUA45g4h/2D8XY7KzUimyOUwKb283m0E5R3vgQ"
    "IXrdArEFDN2cEYLZf2aPmTYIBmqaDZ+JibW58St+4ay4oPctZ6trniXs3ptmy1jwl7/G/K"
    "O9wA5lys+BwSy69Ohvp78Yu++p8+Hd+fDTqMcRnsrK47NsqlIManaGDEjiSDA2fWo5WCaP"
    "yIY85+CwX8Hu2UP9Fs/oQ7kYk0ds9DLsk7Hz/SIjpemOlGw2tJylsjdEHhXiVH1k2XTZqI"
    "gY+guSLaTZFrr7efjD4PjkJ2QSmy0LelKhU9kLbKBHvLIpKVIpmIpNJ6Mov+8l+NbcVcrY"
    "Uy1sWfTXMtaDEbWdRlS+KqSFbC1ElJ44VT06z9syo2EjqmZZTiW5LEYIYlmrxTJv+6zA5T"
    "hlDWz2nh3gcv1cjrzUhN5bcToQwesSwT1ca5DC78KZtowRZQXx+BpskyzuY58hhkfYki+B"
    "e7+spOx9bWBk0bWB1R80g8q2T5qCz5BMhy81KheTmSsKU8jj4rOVFrDXm0owKsHET5SWvy"
    "dAoG6nQA2W1p2QAnTZsiX6ZFZhdJIWWN1qVuPvK41OV4HRcUpgc6vZzF+zVDgRiyeLU3XO"
    "+3tYytN+WOBpP0x72hWdBeBJ2koE6BhR53A+Oi4B89FxLsrsVBzkiKgouGvFKcEY0eZNy+"
    "cVFR2tLB24KBA2SVnpoWoZb5sOxALPa1vMPuB5bdjzGt1kkt7NxNr36D//eot12dYyt5Mc"
    "n2pHcP+rSdsYX6MZhjF/7eZbxRj7m0+cAUtUKy1ReClruohIEBDUIgm0yJ87OC7j0KWj8u"
    "OFj1Mu3SWZarpQqHBI0TmAa0+L4f8FsPXHd04zPCilgR8UaOAHGbHusmU9E/peEg38SBFC"
    "dkHJ7AL5ZcnsF2sgnzNB99S2RhigWRKVf7SnjF3ltaSDkG6DOQf+Zr61KQcUOKp8zWbieA"
    "dkkOIhiLezwma2Yvwq5lFSwF0Ad4rbUguDD+Kw/3J3fZWzn8fJkmZWTbHRf5GuWY0ZiHp/"
    "nzmGwjBFU0fTbc2w3rPr/aMpuaaAHQymGDv8rXzv6/D35C5/fnn9MWlLZRN8TDDmGSsL2Z"
    "bIChtZimj+qzZF2DVxvf74Voh6qLLst87dAPllO8Fm105chc1xSvAdto3LKYdKGft/rART"
    "ddN/pNzTdj7baat/Rlz4miB1LwY5BpI8s7EpWbK+9mJiE93J+ha/KoqRIqbq+W6qg3TN5u"
    "gqQDpW5yz2SlGIw+jWQuqSTzZ059ra11IxYCvChks6WResGz7RJdnG2IVSSNlkJTmrNVEa"
    "k9X9qqsIPRFHWay9P31zZ+kqSM+avVBN+VnW18Tpt2CiLkHVZMjE0FE1+xYr9C3ay6o8Gj"
    "ndL6w+ygZKJh+5iQqkdGbCA3bomT/obZh0LKT6tDTAQlw9ButHS/XimI7Cn8FHiqSI0ThO"
    "1UG3+MFJmTiEJOMiYQgnSaNxsNkJ7WFRqkrhtC2T3Te5l8Wwz0yaLlzg2UJKFxZ3/R4R79"
    "0tAHBI0UGADwanZbaPwWn+/sHOxTEmdKInWXcyYjryHa8xorXcri3bSDbtXzXwszj6MSJA"
    "vzr6VTJ+1sr0aXOQ5HGpiLHjgoix43TEmInp77TsTAGlCOUoVeeQbiB0ALJBm8kGFfD1NV"
    "rZRTbUKfl+rhPlsZdV3iV6vl9Y48UdKSnB0BJFFi0Ku46RSZ7Rnqaig3dnaEE/z2STFThE"
    "3pyIz4lMx7CQvMCyygu3YFlHXDPvJZhY57w159fsiu1ncHD04ej08OQoUJOCI0Xa0etWHT"
    "KbWZjV5xBTS2Nkm0vz3G8W5Q1rpQxBcataSAWWtVZb1hijpi8VKudFyMDks1YC9dvIAOeU"
    "NXNivmS9/4Nzhe9+xR2lbaQP3Eo2uXQJZYvf9sWQ/5Juf3rg5ixrTSQIWrozF8HXH9+5Ut"
    "ANpV/agrl/dqPJlm+ZmV1G1aWjCjKzU6WPqNiiZXs3cnfnKElnhPc1VSTI7tgx8TwUe4Qk"
    "mxgZiOdriedJZqQ5IVzhKCpfbxcf8iLH+okiR7EFGCtzdEufiduL83G5OkfKQtNVE2e8N0"
    "SC9bqHd3yTMInqKGuHELuzdAijJtVnH60M7TkCZL7yHOVZw6oz3Y1s1wYaefXzYMbwzFIz"
    "pJWpKViin4iZPM2zQyQ3Ep+f8nR/3wLkjQTVvJ2qOaiOQcBcKdXxpEB1PEmpjrZmixWdCg"
    "g6aPpopFBM9M5SOI/x95xNJEHWAZ90kWoz+n0c02pSES2BZnN5ffXFH54Mc0k2ufbfAOm1"
    "PTKcZUrejW8jAfUGof90O/w8FsTfJTpD/N/EGJ6PL76NzpD7n36nONIPn+gR71PS+fxGwb"
    "o2vf7UsbMSN/PDveJUUOSk+KGpEAamLanIKMSSkALYUTs7kqKtkByaQdwZW+SGAwnYZlid"
    "D2li4EPFgI6ILifEgwQh4F81oEY2lYWUozXkS7NJOhBnxcVZF8IpUV8qIO+TAfDCwIO3qh"
    "Irts1bBbXIdoLNCeNveQkiQQiOyZock0rEvwWuyVdck4lFuIZz8kk2NXntOkff3Fm2d0/b"
    "rOPNhyvD8RZBMt/xFmVaqWQV7OKP7n69f48eHiybKI8PD0gzeFLJ8OYCaRY9Thm7kA0V/Y"
    "DoTovNJ6w+PGQmqaw7X6loWde76O+zfiQV+Oda6p97dITcc+7wznnnGsj4B9dcw645wm9K"
    "yNodIQFzd+3m7som1jczr3Zke4+I42TJ4t+oMluFD1nUoClV54VVkQsW4F8D/p4YKwZ+hA"
    "i8DNVw95UGMeCjVIB8NeQh1QVSXTa1p3fJqgzOg51gc9w0JaKexExaoJ3UldQUZius6Too"
    "n0DSNkaUzmqKrUHR7u3NVnMwM03i/Hi/uIqDWd4YrjiWTZbY/JuFGB3ae3jw2tk/PLxDxE"
    "QymrNSa/Q8PcWb0/OmqPRsHxn4CZtoSuxFll28zqnLmMgjLw0wi7fTLB4yWciEG6OCPoG9"
    "V2zkIF7vhNwF4vVusNl9Z4q9tiJEtVg6d+TdlZKqywSN6JqxbqM1JtRd0mm291ErEzISX9"
    "NpxK4NPCb0T0nt5N4q1dWoVUu5rF4SeX5LKCVrKxp87eUoG/66LFY4pOApqDf3/Q93dhcK"
    "L9InqBkXE/+TJ0H8b534/6dDGaTZGVGNuQyIknTJRFSbLd2ie4NiZ7qFCNGxbORlQIRkCV"
    "ynlK4pYP01v1mZ7+P19WVM3Pt4kUxxuP/6cXS7d8DlPDpIs3N8QaBbVWHA1gndkZeOSDC8"
    "Cdbstb2tkfe4EPpxOmBAfakIZj0V0sxtZEH5HASz2IuQscRrQLV7qQZJYOOPdZs8NGF39A"
    "zNKdY6vaD1abxVewmPjYE4zQ+MBnl9cNDexPlxf39/4pwcngwmzqk6+PAOEToUrWRNRbzN"
    "+RkdPXMM+s3QX/r0i+2YdAQ94B7vM5cM/q4sZGOe1Yxjgxcu4+3xvUvewvC7uYYVakAPbK"
    "0emN/28/USRNvQ/LN3O/p8f/VJur66/OcZinyZGLej8f3tleQeY+ciXyfG6Pfzn4dXX0Zn"
    "yP+UfA7LeJTqr0u0fVWjKjHtf+6p4jDibPE+Tozhzc3ttVsqyvvEmPjL6Nwb6H6aGOfDq/"
    "PR5SU7GHwM2H3388XNzSjkt/c9shzOR249qsQBNoItjYurL/5Coh/9oy6B+8k/Jn0eXlyG"
    "J7yv4dIK7yV5pMpSG5RxXg7ynZeDlPMyr+VefjGHTrXc23QdByht1apcH1ciqpLekKQEBb"
    "h6holjmthQMszUBb0SIzRtfstVDFI5LLHNH+bu8ofpTZ7pABJVmk0tyxNY1PkzSVlLPFCr"
    "wK5ffvNQY7ollZ/nEhXZppVwz5ihe/jXH5Hla7dVVnwWbfcwr3/NB7itseqL5ugeD+pf9w"
    "axhSri+eNBkIeCbJthxbY5JiHocyfYnLBuC/ig44SgBVbWArnvQhj/KBWAX5cPmqNag7v0"
    "2p9ny5hQ1lkaXX05ZfCydpkakC0ZjLutwCa21TVKDNYQLR74lrsfMt6Atz4v1jmFahmvvU"
    "DYc++OIHp3L4iywbYQmSFiYNdDjtgsrF6gHHWy/4RmLEnSCHzjfV5P0AuIQBamfzQKIZbV"
    "tLu+6YuVcdFHYAJnfGud8flB2UU86Gpc9saL+oC/pwVMmFKIJMXEqlaptFjOBJ0p/LNhfk"
    "xlnQmbVTiRIgUeVK15pWXXwS4q6BLQAOrVUA/8DVWD4HMmgGqHVTkSl2GFeJEihVf0msY4"
    "prlUtMhFSIENdZnlwhVegwUpFjG/Zdwoa0ZKbQkljHTh+q3LANoxs1ES5NQDL2yta9IO5Z"
    "qgM+xPgW063+7Ef9kmGsxHyg/4jeDjyRX4+0ozsRX0nY/2oQc7TyvtPOLRL2vGurSMCfF4"
    "xkGZgMZBfkTjYCdTJG5GPP9Auhn+8+voanyGEgcmxs3w4hM9TP9OjCDTIEh3+DS6vPg2um"
    "XHgo8T4/z6683liOdTBB+zEyqSZu63SlHgprf1OJ6aZIMxT7f82nf80u+vvBAGkXXAaM4Q"
    "+8s4fju+GF4ypvMPE+Pz/SX9yv5W4Vf9kYAQz910PLflTG1iy3oVk12aFhS0ynqytdBWKx"
    "anWoURKVpgRGVGPBFHodK1pGoW769dhSH5cwBj1jRsS1TDES1XHicEFqzLgnUejdwpgC2V"
    "2VL5DQ6v72Y80WyrWd8dHZ8FmLO2W7oqW7LpgSFreEttbBp061GdSsEC2fTAkOrOUlU1sS"
    "VUTSBCsvlyAm+TjNJI4QDNeCKakuEiKijkEJKsBX3L4gQ2jTzkOG4sxzHidUoBXpz8FqeE"
    "5Ld2J79BKususBlSWXeCzawQZAUeR8hqYPD2yChbx1/uNqj0GMcpgctt5rKKde0Jm5X4nK"
    "QFTreZ0wpZrliwXCX5K0ELnG41p5k5UtercTpBC5xuM6ffpIdc24TqVoTMZ3c+g3IL5dqf"
    "iZVaSBTXT6z8KgUXOgR53LD2hLOz/QRA4vHrIzZRV1GqoXRHF/MvEtr+y3L9tXTjztJVkN"
    "zY3zUxcoN4uwoRsw3UsJDuvGm6BFPj2UnuJp6XohRs8a/kKUnhS+X12jjXBqY/TjYsjRd3"
    "JzNWisYtV7NHTMRq2HDbPj357gw9L2S7j2YmWdKP2KSkxP3QR9MX+oks++y7kS6L0+B1yu"
    "RVRetzQUmc1qZKcQBT+OcnC/jju5goUHuiFHuc1sydSUzR4krMkDHlPlBkTY7HJmjzYwYM"
    "d1VvxSamtE6fr/gMrWb5+f3d+Prr6JZywftEGTsefv5M2cr+0W//vBuPvtKv/H8VFtWfFe"
    "cCLFzUJEIFVWWqBkpCzNjGYsbEXRsQVbIFHg2ozt0enwZU5y7n1ShRnfsNa9Lk1UWOmaxf"
    "s/kIlEMeuoWIZQtNiTNf2GfIMuSVtSBuvWJWfVihCrpO5ki26Vf6Z0mYLY+3DmaWGosKkp"
    "iNxbKyQJ7lmf437Yz2xU1fTdT8QzdEboMCI1BLjUABg1I8KMhKDUm69HoZHBx9ODo9PDkK"
    "GBAcKcI9Iyu+YlnLGqpZthTaTadem0R1FHEGxOmAAdWTrDU7q1pigW3ZJ2izCaSicXmwv1"
    "/G8LS/n295Yuey9xhhpFOEgHg5xK1HRwRnb3gH0a2/gSLhdySUURshgQbdxeakCtmerJ+K"
    "tDK1auXps6jhZVr5ZQqtS6BczC6zwC8QtkZtMWBDbfWsqpexAiZAE58OsmQ7+/h0jg1Bma"
    "N1SiQBI2rboqaypVV6W2TTA0MqMwScyOBEbgsTNuJEzuxrBR2J3ybXwk9yyvC5R/Kf8j3u"
    "0VSrEu521trXfZkHzuto+oNsIxmtTPKk8WQIVqTSzXxgrnH/UsjSNQUjYrzL8LA3cAEhp/"
    "q/81vUgIu9nS52bzWIeA+iNB10ITTQ/WIhGwbWRTCOkADEJSCml1KxJN5gKUkHbZYSUKez"
    "h+Rl1ZLxSUoQ3SvrTdBQp/GGOgXZUjle9a1Ij2rNlu2m4Fetr5+khX7XlcPRuDAn8ZxsmQ"
    "cOZNpjXpcHM6ZocV5oawJMFF2jepe0kk15KRRmkiKEGuLVo0qgsHUVVmxd0hIUtt4JNkNh"
    "651gM3iPwHvUFiZs2Hu02QJm7RQON+ss8sDK8BWFMOa7iiL8et1T9JUY+AXNCcUAsZtnVa"
    "94fqRj2WSJTfrFZDmUiI5Dnqn4jI+gWDCvz0wzLbvPjhiuc8dT0f5mIaqiPWMz7Tza0DXX"
    "8Sf5RyKeUyjh1VrXktdeXdwmnyIEo/yrRnlwMTVfrSe26whtLClSqNtT1V4J3qcWMAG8T+"
    "B92vLd3MSylVVZokgs8Sk6UAMsDu9pmZTk0/yM5NNUQnLgE/KEuYoepRg1OJNKOJPAvr0L"
    "hk+wb+8Em4MwB3E+J0ihOVSb+Qx+jLeMgHED38ULMsXoQKMHP1Lb/EgZq7wGYMt3BmrZ8i"
    "6LbPzBblWZ0KCZToYXKtpoJ98PFevq86onKh9bcT+OIpum5j6S7KKPdDrfxg8unHa6cCIs"
    "K23mC0nADlUucSX2KAhAnUHaQcjrt5Gs1wflLeysPa83iaA1sJfubXJxJY1vh1d3F+MzFH"
    "4Oep5cXH0Jmp7Qz3m9UG5urz9esm4a3oeJcTsa399esWH+p14rHi+wh70mDnVCgQZ72E6w"
    "GewkoKe3hQkbjvesoz+0ryF2rkX0JlTu3JasKVRfV76rNGbloj5yX1e8qgfyZ0N7M03Xsc"
    "o6orLAy2Cw70btI7oysJlRMaTmucsYBQIM3EcCaoO0VvuHvl2dFKK2T/0VZyxovjFAUrzO"
    "73OYIOtAqFPRs9tEu8PEC6782ytBCKpKXaqKFfGMrKmtRJ0sW8aKsgpLYhm2yv/1C3FYdb"
    "uRYZsvWbJ47HyhKE5l2jnVy+jvNLWy/fKYtLwkT9gvrPck6w4+463p2Euagm8hy1myzKn/"
    "wyZBK2wi1m/iJ/RsaraNDUTo4uojg4r/Js+hoj8yWyhv5jJl5HNFdiz+APAPkGDVXvmcql"
    "/LFbFZUL30iIWC8TNIO5dkdTA4LSNTDU7zhSp2Lv5yn9HrY3Nlallvk3y8E2RtFp1b46YL"
    "NqLyrmePoIPwNpAx6G/vQjt4lApC3qqGHC7xkoisbH98B7SxDTTDozIcMaVHzRDKOYlTdX"
    "ALaSAjlkMmnAwboYItpHIKJgQ2dNVYm7JklPEPen2sdGJLTHdc01N4w2e7JPZXOtf2LoG0"
    "pzDeNMxVpteFis/SJZCELDhZSzAf0WsDjwn9I7AEt++NUAisgLXrktuohorCChf0Msxd8Q"
    "H9EvYu2R1btmMFcsmQR3aG5KAeECvrY1nYRsRk/uIXy8ZLf1wfPWv2AvE2kxZSZGXhd5qI"
    "GrEyGlg0f70ME9gfPf8anlSiUPhcq1fEMgZGsFYawbwVIGoAS5B1zvjVgDmGPRQCCPvjO6"
    "hJ1W+MYeZ7EXD98R0Et4zRNt9kmzLYbmcHzG7VmFfxtFpD2AQh4F/ZVlCxI+/bteLtHAfA"
    "WtNNa028LlpMjxB4zuKEYBatKfLHxzXNDeHIn3urVJpCy7hQNugnsQDXSFQAq1odVjVBS1"
    "FoLMuwEsUsaQXNTAPzXUnrkDtvxESDnmULzbUnbLBWo6xONHsn9ZG1wobKLoOoyq3p6OEh"
    "7Jny8ID2Po3uLr5coYmzvy9/OHx/nJGo0OC1JsbE+M0LnJq+UIKlrOvvn+kfbL93QaGEsk"
    "6v0Uea4adB+J2OWIQWO+RariYGiyhjuRL0rrgh3q2Fzac546Fa/i/ou2QU7r/Ri5p4SRcL"
    "/bXsWqqKnNXEcCtwaya6uaY73Z1v7fqbhTzVBO09PDxhU5tpCn+eKK2ywMqjhTSb/TDvx2"
    "uY/QLX8IcW5Jnesu0V6aaXRy5A6pl3lx6qfg1wmcLjjYiMRvKc3m4fYVlZcOQRqzZlcnsb"
    "eTaQi8IjfikfdxbfgeJddfwaEvGjAWYQotZS69ycPicMLyEWRIggBrqyyhE+HELgx8gA/s"
    "rwQz+x1ySkbmh8EKQIQYod3sG0rEiSXOCjJJ0xFQ4Ojj4cnR6eHAVoB0eKQAYj4K6+Et7S"
    "CNg2xr7R1sW0T2H8o1T1gL8jGmCrDLBtewI2b4GF+E8RI2xi10jj5ocsllymyRTUrdozyi"
    "7W6FZZZqXWY9zmi7HIwO2v1jJG7jBM+nVL928Lz8bshSd6Nl5CHt0oQ2KiufyEA5spH0p4"
    "+KJbhx/NKD8ttMAmDqy+SDYQLw7FbdZ22ua9satmxkRGWczg8hOB48V8mLVdCoZyG603uO"
    "9abcEw20rDrGh2FORFCeRFuZuM2PIOaUDuryz3J7YjIQakacF0BOFOYOkosHS0Rc3eyWcs"
    "FLPKQx/SAPB1WTgy093Em6oIZLu1jQ1llcZw9ZXoV5OjjAsDu646viXYiirkG6vY5QfyZa"
    "rtQYzfq3mL0ajCEnmLBnK7PfPcP6z62rEXQMXCvNhXDlqfasQqV4/T4VX/61g24s27kZah"
    "oDd3mTIBU3Gt209oCzVv3nMnblQEhby1CjmEjr+1QAWd5VvABD/nju+G6yTtJSYAllR/Lm"
    "JvFoGnIkYHDNh6b/bOgF+g7YFaUrdakrHV1IBvqjJKRwGOb7Kt0vzGZHW/6mXofe6JfpHW"
    "Z5OV5KxKantfqZL1glaypiKN5czEasZ8HF4Or85HVPMyiTNf0JN+5xK0N3GOD46O6d/9Q+"
    "XdGdfVvN6vSLZtvFzZbl0ZP6mF3oeKkdttMa0Nvs1tsOylIbK0qc66sni5SNzBy9OKvIlY"
    "/g9d/VSVZJlJBvMQ8zQgOiddVwti4YkxxTqhU/CUH89FvCcjgxg/MMaimfsIspye8BrIdH"
    "RsIR0zEuMdV3InhkwnWf3grNBCttgE+D0au0lTwX2zKj2GQWy0xJjfAtboMfpUm96PvelP"
    "DHrUwu7XceniPSamQyy3skvaYZ0YHHaziETdc805+wwoz61Unv1nScSjHaUBr3aZVpp04z"
    "CwLoJxhAQgLtcMWMXVOgHH6DpXzqr+zBKw9rRAs1Uc02Q9CIT2lAhNBzeVwzILPX+di/S6"
    "zomD2YoGX63Zsn0xQoqUBMi01bwuiWRMUYkFbbPmN12YUNdYt6KVbMrLjJX+y931Vc5Oki"
    "RMhhtpio3+i3TN2kIfSgHKDBE2c37Xs2SDs348dohNkOx6FlW7BNZ+gqyDW079C97HrGIv"
    "mhxygL4E9JDVX2XD2brARohf3Qk2uw2vq7A5TglsbjWbISG7bV5UyAreVFZwkw6+b8RRXC"
    "9MysXnn+oXOfme3EGle1F445nD7Ajjw4nz44F6MHGOB4en76KVAReE3v0Zsij+rAwgm0x2"
    "m6giMpuhOSGqxQr5MX+apZAVPc/zKWW01Axt6SzdIoJZ7Sk2fQvMu/fw4JpkHh68goLE0F"
    "9YbCldPKrG4JF1dH/DtlqLFQT0Khf66D48vDtDw2/Di8vhx8sRmjiDgx8HiK6d0e230Se0"
    "5wWpcnden12Nf6LrjRL6o+/v6MjnBWY3jDSLOzl/CvJOw8n5EF760PUOatzNp2B6Q2rfqx"
    "xo9VniqmZNjOAUO+BmrNLPzxQ7/B4Njci8Puwr2bLRwwMFUlMlXt+R+TWxrLLeIGj0+83F"
    "7ehT1YqDnuGLe/98DMDj11KP39t2o2iRZ2RQroFiQf/EpI7Lt6kqjpEEIYhLlf0iFEPJzU"
    "etwIYM4s7U4towH9wXDXsziyqIcUpQEFutIEbkiWp8DkiB0a1mNBe1hTsDx6k6aCev3yvq"
    "QqapQv64GNFavrhKcPf+TjUQt6T71NF0WzOs9+x6/+ht/slqxEUHsQANr/pAaxSS16JUkL"
    "1XVVTTLMvBqjR9kUysUEiF2ZAzAXCkcnAXONF2QaYCJ9pOsBmcaOBEaxsbuuBE+02zFyq9"
    "W1nvZfjRImf7Ra6052BcaW9aJDnNiwhjvhxbfsRoyTPZiGMzP9fJobo/cT4cTvffnbn1S9"
    "ySJwv687weW3R5zWZIxYqm4qDMyUp+YTNY2LZ1nNnrfcN3wHxpLA3NvxZLZNMs5C7mRGcu"
    "i/AiqqzeKk+Kc4uz0EknhkdOb5pea7kiNgtGR67M6LfSovej6Tq9EeuZpbrZC3odkzw3k8"
    "Pm13oJlTXwW7XWbwU6eMM6OOT1tED1m+FKDsQYGcBfGX73xVeFA0lKYEL1Z8AkS8mvRlTl"
    "YcikB4asxxATTylOUrKvvSBbcmYBN3vF/QrS9zeQqCi/YKGQqYCgi/AOTsvgOzjNB5idgx"
    "Q4SIHbNeg9EdEggntJSNS5GMz6q1N4eAnmkUeJIHP89aVsEFvojeiP39w+0ettBNrBfrko"
    "4qIw4lQc8UzWdMcUAjhCAhiXwdi1ePOoBVG7booUIh0g0gFc4AUucP+JEWdznLIGNrfsse"
    "sSl113YRUuxymBy23mMoSzQDhL29jQhXCWW24Zv3U4wKlwlsjZflE4i2df58WF+cgS8Swu"
    "DVLk5UqmqyUr4CQ5xM2unjrqHNuSiZcUczrWtec/PLDgkGeWy6yxIsY2pabL6gmr6IVVLM"
    "Z/OrLO41UWGLlTTAw6mEt09Kb6SCfPmMWCTF8QlpWFf/VgGnlOr2fZLKV6T44mc08MN5v7"
    "XR/RZWC5U/A7cZOkLTQzMf4JPTxc3V9e0hvlFZKDH+LfPkvG5jWUvdtzg12mhKdZv2dp1N"
    "i06AXp0DnB9NwKEQNhepTeML2XIArGA41OZsnsRjT6Y2xsLi1268+yhZasrjOb1iydex0P"
    "VomHr/Aq0FBv+c0VnPwoFv4/hX+B4cQb30ED60Eptf6gQK0/yFLrwztLwTzG33NV+hhZB0"
    "woRSLn6PdxTNpMpUgFEufl9dUXf3gybyoOPLTFbtADabIXo2QpMlWS0iDnbt1Jsg7ZqQYH"
    "Rx+OTg9PjoLdOzhStGmnLVC25tXRKZtrGRBAnmXxJlIhz5JhKy0FC5TEiLrnvGmgVv6Cso"
    "DVWaoSxZNB3KFtZcPmbxNzvbECG5KUwIPqPFjhLIvlR0JYc548+H2iBPBTStXU9h8c2exO"
    "//H6+jK203+8SMqD918/jugmxPcgOkizc7D2/OwzYmaUhXnVPe+TgchYYpP3Cr9JbpkVVX"
    "7JEHLy61FlEndoj6lNfPSRWqvuVMEkHcJ802UNmLFb11kPNymnN2K+zSuLdnMOi4MtWfwr"
    "bGpELNAqoOieoF4mLjY/KjYVEwsVl6Di0u5aAkJPRoopr4QSRAkhkqDNkQRU0KnUDyQkA/"
    "62mb8r+q43NTsjpSM/izJC0pmcsNrkLbq3KY/8h6bViyJrRYxugwYL3727vfYKqpQFMSOK"
    "vKqUGJw7B+h2VXW7aLyGGDeSlMCDNXmQCP6pxI2MOYAvVfmylM25ZvCdxqJqIhZ3GxfM0C"
    "G21PlWhsI0jZqy3Wg7Eft1SAFWO8i52UntC6qLdpbNqVyAt4lYv3bsKfk+esI83j4Vsh49"
    "3S+KWSd8oITZyHJB6/mcLhNBvXKmumYtghUORf9aGy7N14RgMn+UBgomJKSrdMEEm6w0RQ"
    "TfgKCDwmv9lRLkOd3t5ywnh+MkgHOasoOA17+eQ9hEt+4kJWQoVjZCvGmSaDvtDZuvZKkT"
    "OQP9fJ92hGTzHu23Efcb8V2Dgl2FFVuhecWesIQaIcLoJC04stvG6Zbo2Bdhpfxf8UsvQ8"
    "1OjOgXadqRuvusaGIDyvYfPccK8+tXmKegcUNsdkV+r7M1pCy/teSQr4NHGFqeBREiEKMr"
    "C3GxB6is3hgj6qDKWL+OLlh2FsrNloe2YplZKC8rDjXzKucYmEaGs+RARysApVzSrbcx0R"
    "1Surm9/nI7urs7Q5EvE+MTFf3O0CdPAHx7nzWVadgvSnEjX/sOKdZSvrdHDQDduzWs2AqN"
    "LBY6HqoNgmyOUwKbW8fmlijeQ2xqyqKXoXB7Z/pFirYcjmnSly2kMe+KurxmoFS+Ipwbh5"
    "Yvx+YHorVKsKooww6Oj0vITXRUfmFudi7hv6MPlQDC3vAOottIfTR6RRtn6WL5gmmEBNxC"
    "gqLpm77M/vp/s2sKgg=="
)
