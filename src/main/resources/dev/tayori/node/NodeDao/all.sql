SELECT * FROM nodes ORDER BY name
