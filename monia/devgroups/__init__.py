"""Developer groups: members, meetings with agenda and memo, the backlog of ideas. Issue 16,
the development network."""
