"""Developer groups: members, meetings with agenda and memo, the backlog of ideas."""
