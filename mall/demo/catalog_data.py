"""Word lists for the demo catalog: bilingual categories, brands, product kinds."""

from __future__ import annotations

# (name, slug, parent slug)
CATEGORIES = [
    ("数码 Electronics", "electronics", None),
    ("手机 Phones", "phones", "electronics"),
    ("电脑 Computers", "computers", "electronics"),
    ("耳机 Headphones", "headphones", "electronics"),
    ("服饰 Apparel", "apparel", None),
    ("男装 Menswear", "menswear", "apparel"),
    ("女装 Womenswear", "womenswear", "apparel"),
    ("鞋靴 Shoes", "shoes", "apparel"),
    ("食品 Food", "food", None),
    ("茶叶 Tea", "tea", "food"),
    ("零食 Snacks", "snacks", "food"),
    ("家居 Home", "home", None),
    ("厨具 Kitchen", "kitchen", "home"),
    ("床品 Bedding", "bedding", "home"),
    ("美妆 Beauty", "beauty", None),
    ("护肤 Skincare", "skincare", "beauty"),
]

COLOURS = [("黑色", "Black"), ("白色", "White"), ("蓝色", "Blue"), ("红色", "Red"), ("绿色", "Green")]
SIZES = ["S", "M", "L", "XL"]

# leaf slug: (kinds [(zh, en)], brands [(zh, en)], price range in yuan, option name, option values)
KINDS = {
    "phones": (
        [("智能手机", "Smartphone"), ("折叠屏手机", "Foldable Phone"), ("拍照手机", "Camera Phone")],
        [("华为", "Huawei"), ("小米", "Xiaomi"), ("荣耀", "Honor"), ("一加", "OnePlus"), ("魅族", "Meizu")],
        (999, 8999), "容量 Storage", ["128GB", "256GB", "512GB"],
    ),
    "computers": (
        [("笔记本电脑", "Laptop"), ("平板电脑", "Tablet"), ("台式电脑", "Desktop PC")],
        [("联想", "Lenovo"), ("华硕", "ASUS"), ("戴尔", "Dell"), ("华为", "Huawei")],
        (2999, 12999), "内存 Memory", ["16GB", "32GB"],
    ),
    "headphones": (
        [("降噪耳机", "Noise-cancelling Headphones"), ("蓝牙耳机", "Bluetooth Earbuds"), ("运动耳机", "Sports Earphones")],
        [("索尼", "Sony"), ("漫步者", "Edifier"), ("小米", "Xiaomi"), ("森海塞尔", "Sennheiser")],
        (99, 2999), "颜色 Colour", ["黑色 Black", "白色 White"],
    ),
    "menswear": (
        [("纯棉衬衫", "Cotton Shirt"), ("羽绒服", "Down Jacket"), ("休闲裤", "Chinos")],
        [("海澜之家", "HLA"), ("太平鸟", "Peacebird"), ("李宁", "Li-Ning")],
        (79, 999), "尺码 Size", SIZES,
    ),
    "womenswear": (
        [("连衣裙", "Dress"), ("针织开衫", "Knit Cardigan"), ("风衣", "Trench Coat")],
        [("太平鸟", "Peacebird"), ("江南布衣", "JNBY"), ("欧时力", "Ochirly")],
        (99, 1299), "尺码 Size", SIZES,
    ),
    "shoes": (
        [("跑步鞋", "Running Shoes"), ("帆布鞋", "Canvas Sneakers"), ("皮靴", "Leather Boots")],
        [("安踏", "Anta"), ("李宁", "Li-Ning"), ("回力", "Warrior"), ("特步", "Xtep")],
        (129, 899), "尺码 Size", ["39", "40", "41", "42", "43"],
    ),
    "tea": (
        [("普洱茶", "Pu'er Tea"), ("龙井绿茶", "Longjing Green Tea"), ("正山小种红茶", "Lapsang Souchong")],
        [("大益", "Dayi"), ("西湖", "West Lake"), ("八马", "Bama"), ("中茶", "Chinatea")],
        (49, 1299), "规格 Size", ["100g", "250g", "500g"],
    ),
    "snacks": (
        [("坚果礼盒", "Nut Gift Box"), ("牛肉干", "Beef Jerky"), ("凤梨酥", "Pineapple Cake")],
        [("三只松鼠", "Three Squirrels"), ("良品铺子", "Bestore"), ("百草味", "Be & Cheery")],
        (19, 299), "规格 Size", ["单袋 Single", "礼盒 Gift box"],
    ),
    "kitchen": (
        [("不粘锅", "Non-stick Pan"), ("电饭煲", "Rice Cooker"), ("刀具套装", "Knife Set")],
        [("苏泊尔", "Supor"), ("美的", "Midea"), ("九阳", "Joyoung"), ("张小泉", "Zhang Xiaoquan")],
        (59, 1599), "颜色 Colour", ["黑色 Black", "白色 White", "红色 Red"],
    ),
    "bedding": (
        [("蚕丝被", "Silk Duvet"), ("四件套", "Bedding Set"), ("乳胶枕", "Latex Pillow")],
        [("罗莱", "Luolai"), ("富安娜", "Fuanna"), ("水星家纺", "Mercury")],
        (99, 2599), "尺寸 Size", ["1.5m", "1.8m"],
    ),
    "skincare": (
        [("保湿面霜", "Moisturising Cream"), ("精华液", "Serum"), ("防晒霜", "Sunscreen")],
        [("百雀羚", "Pechoin"), ("自然堂", "Chando"), ("珀莱雅", "Proya"), ("薇诺娜", "Winona")],
        (59, 899), "规格 Size", ["30ml", "50ml"],
    ),
}

SERIES = ["星河", "青春", "Pro", "Max", "Air", "经典", "Lite", "Plus", "限定", "旗舰"]
ORIGINS = ["广东 深圳", "浙江 杭州", "云南 普洱", "福建 安溪", "江苏 苏州", "上海", "北京", "四川 成都"]
