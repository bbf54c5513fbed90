"""Orders (订单模块) and after-sales (退换货): DESIGN §3.4.

The package will hold the orders domain. Its rules live in pure modules that
touch no database, framework or network (an import-linter contract keeps them
so): ``states`` and ``after_sales`` (who may move an order or an after-sale
where), ``pricing`` (what an order costs and how each part of it is paid).
"""
