print("demystify")
