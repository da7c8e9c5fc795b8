"""Who may reach the development network's feedback: the rules beside the data (issue 16).
Client data is never opened here; the network's membership is access/develop_rule.py."""
