# data/: Chongqing division codes (NBS 2023), embedded into the program so
# `bangfu init` can seed the organisation tree without any data files.
EXTRA_DIST += data/cq_districts.csv data/cq_streets.csv data/cq_villages.csv data/NOTICE
