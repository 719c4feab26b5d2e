"""Stock lookup: search the catalogue, a product with its stock here and in nearby stores."""
