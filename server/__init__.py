"""The gRPC entrypoint: servicers translate proto <-> commands; interceptors; supervisor."""
