# The Agora instances behind Varnish, included by varnish.vcl. Every instance serves the same
# database; Varnish spreads readers over the healthy ones and stops asking one whose database
# is unreachable (/api/health answers 503).
probe agora_health {
  .url = "/api/health";
  .interval = 2s;
  .timeout = 1s;
  .window = 3;
  .threshold = 2;
  # Healthy from the start, so Varnish serves before the first probes are in.
  .initial = 2;
}

backend app1 {
  .host = "127.0.0.1";
  .port = "3000";
  .probe = agora_health;
}

backend app2 {
  .host = "127.0.0.1";
  .port = "3001";
  .probe = agora_health;
}

sub vcl_init {
  new agora = directors.round_robin();
  agora.add_backend(app1);
  agora.add_backend(app2);
}
