"""The wallet in the schema: me.wallet and its statement, walletAdjust, and the ledger reports."""
