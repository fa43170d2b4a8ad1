"""rewards-core: the coupons and loyalty-points transaction core.

`core` holds the domain and its adapters. It never imports grpc, google.protobuf or `server`
(tests/unit/test_layering.py walks the imports to keep it so).
"""
