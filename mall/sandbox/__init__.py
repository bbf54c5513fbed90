"""The sandbox: a shared clock offset and provider simulations, only with MALL_SANDBOX on."""
