from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    # Hand-edited: the timestamps lost auto_now (they come from Mall's clock now).
    # The columns stay as they are; aerich only records the models' new state.
    # (A statement, not an empty script: asyncpg refuses an empty query.)
    return """
        SELECT 1;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXVtT4zgW/isuP/VU0RRJSGDYra1KAz2d7W7ognTv1PROGcVWEhWOnbFkIDXLf1/Jl9"
    "jyDcuJg2P0RJB0FPk78tG5Kn+rC9uAJj4cGoYDMVbPlL9VCywg/ZDsOlBUsFxGHayBgInp"
    "jQX+IOgPm2DiAJ3QjikwMaRNBsS6g5YE2RZttVzTZI22TgciaxY1uRb6y4UasWeQzKFDO3"
    "7+SZuRZcAnyJb386fqYuhoyGDfhLBmwClwTaL+ycYt77UpgqbBPYc/1GvXyGrptX1As5FF"
    "Pnpj2Uommm6b7sKKxi9XZG5bawJkEdY6gxZ0AIHsG4jjskdjKw9gCJ/Wf4poiL/8GE246A"
    "iKiRa1qZp2dT3Wbi/HmqYKgKfbFgOeLtVn5Iwt4f2v3W6vd9I96g1O+8cnJ/3To1M61ltv"
    "uuvk2V9MhJY/lYfZ6LfR1ZgtyKbc9fnOGp49GkCAT+VxKULfgTpaIujDxzPhfA6cbBZwRA"
    "lO0EdMciLEvYgVYUPEi2hv7oIZC/CkmdCakTn9d3BcgPOP4c35p+HNu8HxLzzYV0FP1+ti"
    "sEcwLylEUATiNUEL4e0elYC3e5QLL+tKwOvYD8jSxRCO0bQQ5F63BMi9bi7IrIsHWUdkJQ"
    "JwOF6CWwJcA7EF6EJiOE6zO5BVdU8hpt8FoRDAEUUL93D3qJwYLpLDaUFsYwJMCqEhJot5"
    "stZt5k4ZqDv5SHdSQMdU67T2bNsmBFaO+swRJpCeUMq6oF631IB2kVp8ff2FzbzA+C/Tax"
    "gllOSr718/XFL4PfTpIEQ43Tl2ADqQYaKBDMwvaA9BC5hzFHKUCdCNgPQw/LCHoqWAAePR"
    "18vb8fDrN44LF8PxJevpeq2rROu7QeJVWE+i/Gc0/qSwf5U/rq8uPTip8Jg53jdG48Z/qG"
    "xNwCW2ZtmPGrWAY5iEzWETx2Z3aVRkM08p2dxsNkd+ivLOhxjRyx6IPWDo7pwQzP8zvc/0"
    "QTBQ02z4aDsQzazPcOWxYkTXDbLNtcAT9j2YZs9Y8BzusbBVXfuhHPC4dpjFtx59dvrE0D"
    "+nzoe358OLS9VDeAL0+0fgGBoHNeuxu3aiZT023bXoLpItwAIzDxz2FGzNAeo3cEpfyvnY"
    "voeWmuGf5PoPipyUjj9SI2xoOU+lOlQCKsWjOlAwodvGUGzLXCkAK4hg5fbT8H23P/iH4t"
    "iEbQvaqdOpyBxayj1cEkqqGBRMndDJKMqHaoJv9X1LGX8qhhjTp2Wsl07UZjpRvV2hzQGe"
    "ixg9PNV2bJ7XZUbNTlSEsVtJL+MIpVrWaLUsEJ8VuMxTboHNwbsjubx9LscONaFzi6eTKv"
    "i2VPAA1y1o4bfRTHvGiLKKOL8Hm6SLh9hnqOExtuRr4MGTldS9ry2oYLo3oPEeWVS3fUA6"
    "PFMAHb5AVC+2p74qTCHn1WecVrA3m0owK8GBD5TWOyekQt1MhVp6Wt+EFmACTDT6ZlZhdJ"
    "JWsrrRrIZPS0Snq8BonlKyudFs9o5ZqpyI5ZPxVK2L/vZKRdp7BZH2XjrSrpssAU9DSxGg"
    "OaLW4XzcLwHzcT8XZdbFgxxTFQWlFk8pnRFNFlohr6jqiLNs4KJE2CRlpZeqYbytOxFLRl"
    "6b4vaRkdeaI69xIZOMbib2fkD/8fMNNAFBmeIkJ6baEtyf6/SNeXs0wzEW7t18rxhjf/2F"
    "M9IT1UhPFFwAZIqoBGuCrWgCDYrndvtlArp0VH6+cD8V0l3YE2QKpQpHFK0DeOtlMd5fAW"
    "zD8a2zDDulLPBOgQXeych1Bxg/2vRcEk38SBHK6oKS1QVgtWD+iw2Qz5mgfWZbLQxAWKP6"
    "D3rIkCovFR1EdDusOQiF+d6WHFDgqPE1nYrjvSaTJR6CeLtL6GQbxi9iHieVuAvgTnFboC"
    "j5gIf937fXVznynCdLulmRTpT/KSbCtTmI1H9OXUtnmCoTF5kEWfiQfd+/6tJrCtjBYOLY"
    "EYryd1+Hvyel/PmX6w9JXyqb4EOCMY9QnwOi2UtoZRmi+UdtirBt6vr281tl1kOVbb934Q"
    "ZZX/Ym2Oz7iauwmaeUscOmcTkVUCnj/+euYKru+o9d97Sf73ba65+RF74hSO3LQa41NDJ0"
    "DURuoG47fOQho/ug8JYxNlBzvJG7uGmMzmx7gTna85Muw6FjZUpvQwMp4seg1HIaev7FBb"
    "b/Dt5TJEWMQ56qhe7vzqBMvCHJuFi4YZA0DtfCTkiGxakqpc00THXcpSzjsM8sjirc4Nka"
    "Shs29/Y9H8HZLQBwRNFCgDvd0zLio3uaLz9YH4+xTSd6AKabEbvJd7ByRBu5VxsmSHbtR7"
    "Xgozj6HJFEvzr6VTJ7N8robXIyRL9UZLhfEBnupyPDDqTPiUmmglKEcpyqdUjXECKQVR/1"
    "VH0I+PRqreAGljGxn85NW79Xs8q44/0HhbXc/khNXw8tcZkSprCbUHHsR+UdMpTOL2fKnH"
    "6eAoddZKQEcyrenIrjWlgBcwgMr0AbAlPxLHM1wcRtzrvlPNq34vvpdo5Pjk97g+O1mbRu"
    "KbKOXvbq2NMphqwOV8ws5ch2V85xVC/KO7ZKGYLiXrWISnrWGu1ZY4yarCrckBMjky6fjQ"
    "qlXkcHOKesmdnOKuv8X/cVnv26Pwrt5PdelsDxtEt5PeHrHgz5h3TzywB251mroxAAm+5M"
    "BN9wfOuufKypzIII5viTWosqXrMCq4ypS0cVVGClrjigagvKjm7kSuc4SWuU9w1NJJnF+c"
    "bU80jtEdJsODKpnm+knieZkeaE8E0Gcf16v/hQ9jIDbgNy1xnc0HfiZnQ+LnefgT5HpuHA"
    "jHNDJFOvfXjzQsKxDVcnG6YzfvNnaRFGdZrPIVoZ1nMMyHzjOc6zmk1nKo2I7wONHf1eMm"
    "PUs0CWtnSQDjX6yXaS3RiYEFOEXSugDGz/0AMUjJSmeTNNc2k6rhPmSpmOgwLTcZAyHQki"
    "YpdLrAla6PqopSA8vrIUzmP4lCNEEmQtiEkXmTaXv485qyaV0bK2bL5cX/0WDk+muSR/zD"
    "I8AdJ7+9JyFyl9lxcja+odQn9xM/w4FsTfJzpTvD//tYbn49GPyzPF/0v/pzjSDxe0JfiU"
    "DD6/UrIuod8/cUlWtU9+uhdPJYuZi1+aCmlgaEFVRiGWRBSSHVtnR1K1FdJDM4hb44vccS"
    "IBE4bV+ZAmlnyomNARs+WEeJAglPhXTagBjj7XcqyGfG02SSfVWXF11odwYhurCsiHZBJ4"
    "YeBltKoSK/YtWiXvHHkTbE44f8trEAlCGZjcUmBSj8W3ZGjyhdBkYhNuEJx8AA4C1qZxtx"
    "/+LPsr03YbeAvhygi8xZDMD7zFmVaqWAX6+Cu3n78fKnd3mNj6/d2dgiyvqGT4baQgTNtt"
    "9iPLlqG8V6ikhc4DNO7uMotUNp2vVLasH10M5WyYSSXjcw2Nz927QuE5f3jronM1VPzL0F"
    "zNoTnbW5SQtztGIt3dW3d3V3axvpp7tSXiPaaO2wuW/0aN2Sp8yKKWllJ1XuCKXMAS/y3g"
    "H6ixYuDHiGSUoRruodEgBnycSiJfDXlZ6iJLXXYl09vkVZbBgzfBZt41JWKecC4taZ1sq6"
    "gpqlbYMHRQvoCkaYwoXdXE7UHRX2mt0ys+hNR6n6tZ92r7PQeFV2pHYxrz46NvxfVc26VJ"
    "D9DBmWpovvczRtJG/2cdhe3spRJAOBjeQnRruZWBfiPJLLnN9y7HSHbvXX4dHXBrfuRXvZ"
    "ro+f+E/Xca"
)
